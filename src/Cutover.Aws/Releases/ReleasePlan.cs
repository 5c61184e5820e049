using Cutover.Core.Manifest;

namespace Cutover.Aws.Releases;

/// <summary>
/// The manifest's release section in the units ECS and CodeDeploy take. Both count time in whole minutes and shift
/// traffic in at most one canary step, so: times round up to the next minute (a 5 s pause becomes 1 min), and a canary
/// of several steps keeps its first step (weight and pause), after which all traffic moves.
/// </summary>
public sealed record ReleasePlan
{
    /// <summary>ECS's <c>DeploymentConfiguration.Strategy</c>: BLUE_GREEN, CANARY or LINEAR.</summary>
    public required string EcsStrategy { get; init; }

    /// <summary>Minutes at 100% before the old version is terminated (ECS <c>BakeTimeInMinutes</c>).</summary>
    public required int BakeMinutes { get; init; }

    /// <summary>The first canary step's weight (percent).</summary>
    public required int CanaryPercent { get; init; }

    /// <summary>The first canary step's pause, in minutes (at least 1: CodeDeploy's smallest interval).</summary>
    public required int CanaryMinutes { get; init; }

    /// <summary>Percent added each linear step; ECS takes 3-100, so smaller steps become 3.</summary>
    public required int LinearPercent { get; init; }

    /// <summary>Minutes between linear steps (at least 1).</summary>
    public required int LinearMinutes { get; init; }

    /// <summary>CodeDeploy's termination wait: minutes the old task set is kept after traffic moved.</summary>
    public required int TerminationWaitMinutes { get; init; }

    /// <summary>Canary steps after the first that ECS and CodeDeploy cannot express; reported, never silently dropped.</summary>
    public required IReadOnlyList<int> DroppedCanarySteps { get; init; }

    public required ReleaseStrategyKind Strategy { get; init; }

    public static ReleasePlan For(ReleaseSpec release)
    {
        ArgumentNullException.ThrowIfNull(release);
        var first = release.Canary.Steps[0];
        return new ReleasePlan
        {
            Strategy = release.Strategy,
            EcsStrategy = release.Strategy switch
            {
                ReleaseStrategyKind.BlueGreen => "BLUE_GREEN",
                ReleaseStrategyKind.Canary => "CANARY",
                _ => "LINEAR",
            },
            BakeMinutes = Minutes(release.BakeTime, minimum: 0),
            CanaryPercent = first.Weight,
            CanaryMinutes = Minutes(first.Pause, minimum: 1),
            LinearPercent = Math.Max(3, release.Linear.StepPercent),
            LinearMinutes = Minutes(release.Linear.Interval, minimum: 1),
            TerminationWaitMinutes = Minutes(release.TerminationWait, minimum: 0),
            DroppedCanarySteps = release.Canary.Steps.Skip(1).Select(s => s.Weight).Where(w => w < 100).ToList(),
        };
    }

    /// <summary>Whole minutes, rounded up.</summary>
    public static int Minutes(TimeSpan time, int minimum) => Math.Max(minimum, (int)Math.Ceiling(time.TotalMinutes));
}
