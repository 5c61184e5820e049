namespace Cutover.Pipelines.Local;

/// <summary>The stages' names on the command line and in output: <c>build</c>, <c>production-primary</c>, ...</summary>
public static class StageNames
{
    public static string Of(PipelineStage stage) => stage switch
    {
        PipelineStage.ProductionPrimary => "production-primary",
        PipelineStage.ProductionSecondary => "production-secondary",
        _ => stage.ToString().ToLowerInvariant(),
    };

    public static string All => string.Join(", ", Enum.GetValues<PipelineStage>().Select(Of));

    /// <summary>Parses a comma-separated list such as <c>build,test</c>; every unknown name comes back in <paramref name="unknown"/>.</summary>
    public static IReadOnlySet<PipelineStage> Parse(string list, out IReadOnlyList<string> unknown)
    {
        ArgumentNullException.ThrowIfNull(list);
        var stages = new HashSet<PipelineStage>();
        var bad = new List<string>();
        foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Enum.GetValues<PipelineStage>().Cast<PipelineStage?>().FirstOrDefault(s =>
                string.Equals(Of(s!.Value), name, StringComparison.OrdinalIgnoreCase) || string.Equals(s.Value.ToString(), name, StringComparison.OrdinalIgnoreCase));
            if (match is { } stage)
            {
                stages.Add(stage);
            }
            else
            {
                bad.Add(name);
            }
        }

        unknown = bad;
        return stages;
    }
}
