namespace Cutover.Pipelines.Workflows;

/// <summary>
/// Maps a job to its <see cref="PipelineStage"/> by the job's id: the stage's name in kebab case, alone or followed by
/// <c>-</c> and more (<c>build</c>, <c>build-image</c>, <c>scan-secrets</c>, <c>production-primary</c>). Ids carry the
/// stage, not display names, because <c>needs:</c> refers to ids and display names are free text for people.
/// </summary>
public static class JobStages
{
    private static readonly IReadOnlyList<(string Prefix, PipelineStage Stage)> Prefixes = Enum.GetValues<PipelineStage>()
        .Select(stage => (Kebab(stage.ToString()), stage))
        .OrderByDescending(entry => entry.Item1.Length)
        .ToList();

    /// <summary>The stage a job id names, or null when it names none.</summary>
    public static PipelineStage? StageOf(string jobId)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        foreach (var (prefix, stage) in Prefixes)
        {
            if (jobId == prefix || jobId.StartsWith(prefix + "-", StringComparison.Ordinal))
            {
                return stage;
            }
        }

        return null;
    }

    /// <summary>The job id prefix of a stage: <see cref="PipelineStage.ProductionPrimary"/> is <c>production-primary</c>.</summary>
    public static string IdPrefix(PipelineStage stage) => Kebab(stage.ToString());

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));
}
