using System.Globalization;

namespace Cutover.Pipelines.Local;

/// <summary>
/// Runs the stages of <c>cutover pipeline run</c> in <see cref="PipelineStage"/> order, whatever order they were given
/// in, and stops at the first failure: nothing after a failed build, test or scan is released. Progress goes to
/// <paramref name="progress"/> (stderr): one line as a stage starts, one as it ends, the output tail when it failed.
/// </summary>
/// <param name="stages">One stage per <see cref="PipelineStage"/> to run; stages without one are reported as not run.</param>
/// <param name="progress">Where progress goes.</param>
/// <param name="time">Measures each stage.</param>
/// <param name="verbose">Also show every output line of the stages' commands as it comes.</param>
public sealed class LocalPipelineRunner(IEnumerable<ILocalStage> stages, TextWriter progress, TimeProvider time, bool verbose = false)
{
    private readonly IReadOnlyList<ILocalStage> _stages = [.. stages.OrderBy(s => s.Stage)];

    /// <summary>Runs the <paramref name="selected"/> stages (all when null).</summary>
    public async Task<PipelineRunResult> RunAsync(IReadOnlySet<PipelineStage>? selected, StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = time.GetTimestamp();
        var reports = new List<StageReport>();
        StageReport? failed = null;
        foreach (var stage in Enum.GetValues<PipelineStage>())
        {
            var name = StageNames.Of(stage);
            var implementation = _stages.FirstOrDefault(s => s.Stage == stage);
            if (failed is not null)
            {
                reports.Add(new StageReport(stage, new StageResult(StageOutcome.NotRun, $"not run: {StageNames.Of(failed.Stage)} failed", []), TimeSpan.Zero));
                continue;
            }

            if (implementation is null || (selected is not null && !selected.Contains(stage)))
            {
                reports.Add(new StageReport(stage, new StageResult(StageOutcome.NotRun, "not selected (--stages)", []), TimeSpan.Zero));
                continue;
            }

            await progress.WriteLineAsync($"[{name}] {implementation.Describe(context)}").ConfigureAwait(false);
            var stageStarted = time.GetTimestamp();
            var stageContext = context with
            {
                Output = line => Show(name, line, context.Output),
                Progress = line =>
                {
                    progress.WriteLine($"[{name}]   {line}");
                    context.Output(line);
                },
            };
            var result = await RunStageAsync(implementation, stageContext, cancellationToken).ConfigureAwait(false);
            var report = new StageReport(stage, result, time.GetElapsedTime(stageStarted));
            reports.Add(report);
            // A skipped stage's detail already says "skipped" and why; a time would only add noise.
            await progress.WriteLineAsync(result.Outcome == StageOutcome.Skipped
                ? $"[{name}] {result.Detail}"
                : $"[{name}] {Label(result.Outcome)} in {Format(report.Elapsed)}: {result.Detail}").ConfigureAwait(false);
            if (result.IsFailure)
            {
                failed = report;
                foreach (var line in result.OutputTail)
                {
                    await progress.WriteLineAsync($"[{name}] | {line}").ConfigureAwait(false);
                }
            }
        }

        return new PipelineRunResult(reports, time.GetElapsedTime(started));
    }

    /// <summary>The table printed at the end: stage, result, time, detail.</summary>
    public static string Summarize(PipelineRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var width = Enum.GetValues<PipelineStage>().Max(s => StageNames.Of(s).Length);
        var lines = new List<string> { $"{"STAGE".PadRight(width)}  {"RESULT",-11}  {"TIME",7}  DETAIL" };
        lines.AddRange(result.Stages.Select(s =>
            $"{StageNames.Of(s.Stage).PadRight(width)}  {Label(s.Result.Outcome),-11}  {(s.Result.Outcome == StageOutcome.NotRun ? "-" : Format(s.Elapsed)),7}  {TableDetail(s.Result)}"));
        lines.Add(result.FailedStage is { } failed
            ? $"pipeline FAILED at {StageNames.Of(failed.Stage)} after {Format(result.Elapsed)}: {failed.Result.Detail}"
            : $"pipeline passed in {Format(result.Elapsed)}");
        return string.Join(Environment.NewLine, lines);
    }

    public static string Label(StageOutcome outcome) => outcome switch
    {
        StageOutcome.Passed => "passed",
        StageOutcome.Skipped => "skipped",
        StageOutcome.NotRun => "not run",
        StageOutcome.RolledBack => "ROLLED BACK",
        StageOutcome.Refused => "REFUSED",
        StageOutcome.Unreachable => "UNREACHABLE",
        _ => "FAILED",
    };

    public static string Format(TimeSpan elapsed) =>
        elapsed >= TimeSpan.FromMinutes(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalMinutes}m{elapsed.Seconds:00}s")
            : string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.0}s");

    /// <summary>The detail without a leading "skipped: " that the result column already says.</summary>
    private static string TableDetail(StageResult result) =>
        result.Outcome == StageOutcome.Skipped && result.Detail.StartsWith("skipped: ", StringComparison.Ordinal) ? result.Detail["skipped: ".Length..] : result.Detail;

    private static async Task<StageResult> RunStageAsync(ILocalStage stage, StageContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await stage.RunAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return StageResult.Failed("cancelled");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug in a stage still ends the run with a report naming the stage, not a stack trace and no summary.
            return StageResult.Failed($"the stage crashed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private void Show(string stage, string line, Action<string> next)
    {
        if (verbose)
        {
            progress.WriteLine($"[{stage}]   {line}");
        }

        next(line);
    }
}
