using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace Cutover.Aws.Compliance;

/// <summary>
/// The rule pack as a CDK aspect: every L1 resource is checked by every rule when the app synthesizes. A finding that
/// no suppression covers becomes an error annotation, so <c>cdk synth</c> fails with the resource path and rule id, and
/// goes to the <see cref="ComplianceReport"/>, from which <c>Program</c> sets the exit code.
/// </summary>
public sealed class ComplianceChecks : DeputyBase, IAspect
{
    private readonly IReadOnlyList<ComplianceRule> _rules;

    public ComplianceChecks(ComplianceReport report, IReadOnlyList<ComplianceRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        Report = report;
        _rules = rules ?? RulePack.All;
    }

    public ComplianceReport Report { get; }

    /// <summary>Adds the checks to <paramref name="scope"/> (usually the app) and returns the report they fill.</summary>
    public static ComplianceReport ApplyTo(IConstruct scope, IReadOnlyList<ComplianceRule>? rules = null)
    {
        var checks = new ComplianceChecks(new ComplianceReport(), rules);
        Aspects.Of(scope).Add(checks);
        return checks.Report;
    }

    public void Visit(IConstruct node)
    {
        if (node is not CfnResource resource)
        {
            return;
        }

        var stack = Stack.Of(resource);
        JsonNode? Resolve(object? value) => value is null ? null : JsonSerializer.SerializeToNode(stack.Resolve(value));
        foreach (var rule in _rules)
        {
            foreach (var problem in rule.Check(resource, Resolve))
            {
                var reason = ComplianceSuppressions.ReasonFor(resource, rule.Id, problem);
                if (Report.Add(new ComplianceFinding(rule.Id, resource.Node.Path, problem, reason)) && reason is null)
                {
                    Annotations.Of(resource).AddError($"[{rule.Id}] {problem}");
                }
            }
        }
    }
}
