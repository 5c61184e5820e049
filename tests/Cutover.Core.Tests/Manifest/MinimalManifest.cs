namespace Cutover.Core.Tests.Manifest;

/// <summary>The smallest valid manifest, lines 1-7 and a blank line 8; tests append sections from line 8 on.</summary>
internal static class MinimalManifest
{
    public const string Text = """
        service:
          name: sample
          run:
            command: dotnet
          initialVersion: v1
        versions:
          v1: {}

        """;
}
