namespace Cutover.Pipelines.Local;

/// <summary>
/// Approval: on GitHub a protected environment waits for a reviewer. Locally there is no one to wait for, so the
/// stage is skipped unless <c>--approve-interactively</c> asks at the terminal.
/// </summary>
/// <param name="ask">Asks a person and answers whether they approved; null when not interactive.</param>
public sealed class ApprovalStage(Func<CancellationToken, Task<bool>>? ask) : ILocalStage
{
    public PipelineStage Stage => PipelineStage.Approval;

    public string Describe(StageContext context) => ask is null ? "no approval gate locally" : "asking for approval at the terminal";

    public async Task<StageResult> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        if (ask is null)
        {
            return StageResult.Skipped("a local run has no approval gate (--approve-interactively asks at the terminal)");
        }

        return await ask(cancellationToken).ConfigureAwait(false)
            ? StageResult.Passed("approved at the terminal")
            : new StageResult(StageOutcome.Refused, "not approved at the terminal", []);
    }
}
