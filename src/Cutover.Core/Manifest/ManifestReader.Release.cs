using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cutover.Core.Manifest;

/// <summary>Reads <c>release</c>: strategy, hooks and traffic steps; its <c>analysis</c> is in ManifestReader.Analysis.cs.</summary>
internal sealed partial class ManifestReader
{
    private static readonly string[] ReleaseFields =
        ["strategy", "preTrafficHooks", "manualApproval", "bakeTime", "terminationWait", "insufficientAlarmData", "alarmDataTimeout", "canary", "linear", "analysis", "guard"];

    // Spelt out rather than built from CommandFields: static initialisers in other partial files run in no set order.
    private static readonly string[] HookFields = ["name", "command", "args", "workingDirectory", "env", "timeout"];

    private static readonly string[] CanaryFields = ["steps", "pause"];

    private static readonly string[] StepFields = ["weight", "pause"];

    private static readonly string[] LinearFields = ["stepPercent", "interval"];

    private static readonly Dictionary<string, InsufficientDataPolicy> InsufficientDataPolicies = new(StringComparer.Ordinal)
    {
        ["hold"] = InsufficientDataPolicy.Hold,
        ["proceed"] = InsufficientDataPolicy.Proceed,
    };

    private ReleaseSpec ReadRelease(YamlField field)
    {
        var map = OpenMap(field, ReleaseFields);
        var defaults = new ReleaseSpec();
        return new ReleaseSpec
        {
            Strategy = (map.Get("strategy") is { } strategy ? Choice(strategy, ReleaseStrategyNames.ByName) : null) ?? defaults.Strategy,
            PreTrafficHooks = map.Get("preTrafficHooks") is { } hooks ? ReadHooks(hooks) : defaults.PreTrafficHooks,
            ManualApproval = Bool(map, "manualApproval") ?? defaults.ManualApproval,
            // Zero bake time and termination wait are allowed: they trade safety for speed, which is the user's call.
            BakeTime = Duration(map, "bakeTime", allowZero: true) ?? defaults.BakeTime,
            TerminationWait = Duration(map, "terminationWait", allowZero: true) ?? defaults.TerminationWait,
            InsufficientAlarmData = (map.Get("insufficientAlarmData") is { } policy ? Choice(policy, InsufficientDataPolicies) : null) ?? defaults.InsufficientAlarmData,
            AlarmDataTimeout = Duration(map, "alarmDataTimeout", allowZero: false) ?? defaults.AlarmDataTimeout,
            Canary = map.Get("canary") is { } canary ? ReadCanary(canary) : defaults.Canary,
            Linear = map.Get("linear") is { } linear ? ReadLinear(linear) : defaults.Linear,
            Analysis = map.Get("analysis") is { } analysis ? ReadAnalysis(analysis) : defaults.Analysis,
            Guard = map.Get("guard") is { } guard ? ReadGuard(guard) : defaults.Guard,
        };
    }

    private List<HookSpec> ReadHooks(YamlField field)
    {
        var hooks = new List<HookSpec>();
        if (Sequence(field, "[{ name: smoke, command: bash, args: [scripts/smoke.sh] }]") is not { } sequence)
        {
            return hooks;
        }

        var firstUse = new Dictionary<string, Mark>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var path = FieldPath.Item(field.Path, i);
            var map = OpenMap(item, path, item.Start, HookFields);
            var nameField = Required(map, "name", "add a name that logs and the dashboard show, such as name: smoke");
            var name = nameField is null ? null : Text(nameField, "smoke");
            if (nameField is not null && name is not null && !firstUse.TryAdd(name, nameField.Value.Start))
            {
                Report(nameField.Value.Start, nameField.Path, $"hook name \"{name}\" is used twice (first on line {firstUse[name].Line})", "give each hook its own name");
            }

            hooks.Add(new HookSpec { Name = name ?? string.Empty, Command = ReadCommand(map) });
        }

        return hooks;
    }

    private CanarySpec ReadCanary(YamlField field)
    {
        var map = OpenMap(field, CanaryFields);
        var defaults = new CanarySpec();
        var pause = Duration(map, "pause", allowZero: true);
        var steps = map.Get("steps") is { } stepsField
            ? ReadSteps(stepsField, pause ?? DefaultCanaryPause())
            : defaults.Steps.Select((step, i) => step with { Pause = IsLast(i, defaults.Steps.Count) ? TimeSpan.Zero : pause ?? step.Pause }).ToList();
        return new CanarySpec { Steps = steps };
    }

    /// <summary>
    /// Steps are percentages (<c>[5, 25, 100]</c>) or objects (<c>[{ weight: 5, pause: 30s }]</c>), and may be mixed.
    /// A step without its own pause waits <paramref name="pause"/>, except the last: time at 100% is the bake time.
    /// </summary>
    private List<TrafficStep> ReadSteps(YamlField field, TimeSpan pause)
    {
        var steps = new List<TrafficStep>();
        if (Sequence(field, "[5, 10, 25, 50, 100]") is not { } sequence)
        {
            return steps;
        }

        if (sequence.Children.Count == 0)
        {
            Report(field.Value.Start, field.Path, "steps is empty", "list percentages that end with 100, such as [5, 25, 50, 100]");
            return steps;
        }

        int? previous = null;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var itemPath = FieldPath.Item(field.Path, i);
            YamlNode? weightNode = item;
            var weightPath = itemPath;
            TimeSpan? ownPause = null;
            if (item is YamlMappingNode)
            {
                var map = OpenMap(item, itemPath, item.Start, StepFields);
                weightNode = Required(map, "weight", "add the percentage of traffic for this step, such as weight: 25")?.Value;
                weightPath = FieldPath.Child(itemPath, "weight");
                ownPause = Duration(map, "pause", allowZero: true);
            }

            var weight = weightNode is null ? null : Int(weightNode, weightPath, 1, 100, "weight");
            if (weightNode is not null && weight is { } w)
            {
                if (previous is { } before && w <= before)
                {
                    Report(weightNode.Start, weightPath, $"step {w} is not above the step before it ({before})", "list the steps in increasing order, each larger than the one before");
                }

                var isLast = IsLast(i, sequence.Children.Count);
                if (isLast && w != 100)
                {
                    Report(weightNode.Start, weightPath, $"the last step is {w}, so the release never reaches 100%", "end the steps with 100");
                }

                previous = w;
                steps.Add(new TrafficStep(w, ownPause ?? (isLast ? TimeSpan.Zero : pause)));
            }
        }

        return steps;
    }

    private LinearSpec ReadLinear(YamlField field)
    {
        var map = OpenMap(field, LinearFields);
        var defaults = new LinearSpec();
        return new LinearSpec
        {
            StepPercent = Int(map, "stepPercent", 1, 100) ?? defaults.StepPercent,
            Interval = Duration(map, "interval", allowZero: false) ?? defaults.Interval,
        };
    }

    /// <summary>The documented default pause: the one the model's default steps carry before the last.</summary>
    private static TimeSpan DefaultCanaryPause() => new CanarySpec().Steps[0].Pause;

    private static bool IsLast(int index, int count) => index == count - 1;
}
