using System.Text.Json.Nodes;

namespace Cutover.Aws.Tests.Support;

/// <summary>One Allow or Deny statement of an IAM policy in a template, with intrinsic functions rendered as readable text.</summary>
/// <param name="Sid">The statement id, or empty.</param>
/// <param name="Effect">Allow or Deny.</param>
/// <param name="Actions">The actions, sorted.</param>
/// <param name="Resources">The resources: <c>Ref: X</c> as <c>{X}</c>, <c>GetAtt X.Arn</c> as <c>{X.Arn}</c>, the partition as <c>aws</c>.</param>
internal sealed record TemplateStatement(string Sid, string Effect, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources)
{
    /// <summary>Statements are equal when their id, effect, actions and resources are (lists compared item by item).</summary>
    public bool Equals(TemplateStatement? other) =>
        other is not null && Sid == other.Sid && Effect == other.Effect && Actions.SequenceEqual(other.Actions) && Resources.SequenceEqual(other.Resources);

    public override int GetHashCode() => HashCode.Combine(Sid, Effect, string.Join(',', Actions), string.Join(',', Resources));

    public override string ToString() => $"{Effect} {Sid}: [{string.Join(", ", Actions)}] on [{string.Join(", ", Resources)}]";

    /// <summary>Every statement of the <c>AWS::IAM::Policy</c> resources attached to the role with logical id <paramref name="roleId"/>.</summary>
    public static IReadOnlyList<TemplateStatement> OfRole(JsonObject template, string roleId) =>
        template[ResourcesKey]!.AsObject()
            .Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::IAM::Policy" &&
                        r.Value["Properties"]!["Roles"]!.AsArray().Any(role => role!["Ref"]?.GetValue<string>() == roleId))
            .SelectMany(r => Parse(r.Value!["Properties"]!["PolicyDocument"]!))
            .ToList();

    /// <summary>Every statement of every <c>AWS::IAM::Policy</c> in the template, with the policy's logical id.</summary>
    public static IReadOnlyList<(string PolicyId, TemplateStatement Statement)> All(JsonObject template) =>
        template[ResourcesKey]!.AsObject()
            .Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::IAM::Policy")
            .SelectMany(r => Parse(r.Value!["Properties"]!["PolicyDocument"]!).Select(s => (r.Key, s)))
            .ToList();

    /// <summary>The logical id of the role whose <c>RoleName</c> is <paramref name="roleName"/>.</summary>
    public static string RoleId(JsonObject template, string roleName) =>
        template[ResourcesKey]!.AsObject()
            .Single(r => r.Value!["Type"]!.GetValue<string>() == "AWS::IAM::Role" && r.Value["Properties"]?["RoleName"]?.GetValue<string>() == roleName)
            .Key;

    public static IEnumerable<TemplateStatement> Parse(JsonNode document) =>
        document["Statement"]!.AsArray().Select(statement => new TemplateStatement(
            statement![SidKey]?.GetValue<string>() ?? string.Empty,
            statement[EffectKey]!.GetValue<string>(),
            Items(statement["Action"]).Select(Render).Order(StringComparer.Ordinal).ToList(),
            Items(statement["Resource"]).Select(Render).ToList()));

    /// <summary>An intrinsic-laden value as text.</summary>
    public static string Render(JsonNode? node) => node switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonObject o when o["Ref"] is { } reference => reference.GetValue<string>() == "AWS::Partition" ? "aws" : $"{{{reference.GetValue<string>()}}}",
        JsonObject o when o["Fn::GetAtt"] is JsonArray attribute => $"{{{attribute[0]!.GetValue<string>()}.{attribute[1]!.GetValue<string>()}}}",
        JsonObject o when o["Fn::Join"] is JsonArray join => string.Join(join[0]!.GetValue<string>(), join[1]!.AsArray().Select(Render)),
        _ => node?.ToJsonString() ?? string.Empty,
    };

    private const string ResourcesKey = "Resources";
    private const string SidKey = "Sid";
    private const string EffectKey = "Effect";

    private static JsonArray Items(JsonNode? node) => node switch
    {
        JsonArray array => array,
        null => [],
        _ => [node.DeepClone()],
    };
}
