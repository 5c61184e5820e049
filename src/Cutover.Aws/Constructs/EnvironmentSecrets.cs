using Amazon.CDK.AWS.SSM;
using Cutover.Core.Manifest;
using Constructs;
using EcsSecret = Amazon.CDK.AWS.ECS.Secret;
using ManagerSecret = Amazon.CDK.AWS.SecretsManager.Secret;

namespace Cutover.Aws.Constructs;

/// <summary>
/// An AWS environment's <c>secrets</c> as ECS container secrets: ECS reads each value at task start from Secrets Manager
/// (<c>secretsmanager:name</c>) or Parameter Store (<c>ssm:/path</c>), in the stack's account and region, and the
/// template holds only the reference. Adding them to a container lets the execution role read exactly these secrets
/// and parameters (the CDK grants each one by its ARN), nothing else.
/// </summary>
internal static class EnvironmentSecrets
{
    public static Dictionary<string, EcsSecret> For(Construct scope, IReadOnlyDictionary<string, SecretReference> secrets)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(secrets);
        var result = new Dictionary<string, EcsSecret>(StringComparer.Ordinal);
        foreach (var (variable, reference) in secrets.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            result[variable] = reference.Source switch
            {
                // By name: the ARN's random suffix is unknown, so the grant covers name-?????? (the CDK's partial-ARN form).
                SecretSource.SecretsManager => EcsSecret.FromSecretsManager(ManagerSecret.FromSecretNameV2(scope, $"Secret-{variable}", reference.Name)),
                SecretSource.ParameterStore => EcsSecret.FromSsmParameter(StringParameter.FromSecureStringParameterAttributes(
                    scope,
                    $"Parameter-{variable}",
                    new SecureStringParameterAttributes { ParameterName = reference.Name })),
                // ManifestLoader refuses env: and file: on an AWS environment before anything is built.
                _ => throw new InvalidOperationException($"secret {variable} comes from {reference.Source}, which only the local target can read"),
            };
        }

        return result;
    }
}
