namespace Cutover.Core.Manifest;

/// <summary>Builds the dotted field paths used in errors, such as <c>release.canary.steps[2].weight</c>.</summary>
internal static class FieldPath
{
    public static string Child(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    public static string Item(string parent, int index) => $"{parent}[{index}]";
}
