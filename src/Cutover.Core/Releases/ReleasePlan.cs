using Cutover.Core.Manifest;

namespace Cutover.Core.Releases;

/// <summary>The traffic steps a strategy takes, from the manifest's settings.</summary>
public static class ReleasePlan
{
    public static IReadOnlyList<TrafficStep> StepsFor(ReleaseStrategyKind strategy, ReleaseSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return strategy switch
        {
            ReleaseStrategyKind.BlueGreen => [new TrafficStep(100, TimeSpan.Zero)],
            ReleaseStrategyKind.Canary => spec.Canary.Steps,
            ReleaseStrategyKind.Linear => LinearSteps(spec.Linear),
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "unknown strategy"),
        };
    }

    private static List<TrafficStep> LinearSteps(LinearSpec linear)
    {
        var steps = new List<TrafficStep>();
        for (var weight = linear.StepPercent; weight < 100; weight += linear.StepPercent)
        {
            steps.Add(new TrafficStep(weight, linear.Interval));
        }

        steps.Add(new TrafficStep(100, TimeSpan.Zero));
        return steps;
    }
}
