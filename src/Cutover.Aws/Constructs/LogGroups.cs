using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace Cutover.Aws.Constructs;

/// <summary>Every log group Cutover creates comes from here: retention and KMS encryption are never forgotten.</summary>
internal static class LogGroups
{
    public static LogGroup Create(Construct scope, string id, string name, IKey key, int retentionDays, RemovalPolicy removalPolicy) =>
        new(scope, id, new LogGroupProps
        {
            LogGroupName = name,
            EncryptionKey = key,
            Retention = Retention(retentionDays),
            RemovalPolicy = removalPolicy,
        });

    /// <summary>The CloudWatch Logs value for a number of days; it accepts only some, so round up to the next one.</summary>
    public static RetentionDays Retention(int days) => days switch
    {
        <= 1 => RetentionDays.ONE_DAY,
        <= 3 => RetentionDays.THREE_DAYS,
        <= 5 => RetentionDays.FIVE_DAYS,
        <= 7 => RetentionDays.ONE_WEEK,
        <= 14 => RetentionDays.TWO_WEEKS,
        <= 30 => RetentionDays.ONE_MONTH,
        <= 60 => RetentionDays.TWO_MONTHS,
        <= 90 => RetentionDays.THREE_MONTHS,
        <= 120 => RetentionDays.FOUR_MONTHS,
        <= 150 => RetentionDays.FIVE_MONTHS,
        <= 180 => RetentionDays.SIX_MONTHS,
        <= 365 => RetentionDays.ONE_YEAR,
        <= 400 => RetentionDays.THIRTEEN_MONTHS,
        <= 545 => RetentionDays.EIGHTEEN_MONTHS,
        <= 731 => RetentionDays.TWO_YEARS,
        _ => RetentionDays.TEN_YEARS,
    };
}
