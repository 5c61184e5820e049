namespace Cutover.Core.Manifest;

/// <summary>A lifecycle hook: a command that gets the test listener's URL in <c>CUTOVER_TEST_URL</c> and passes by exiting 0.</summary>
public sealed record HookSpec
{
    public required string Name { get; init; }

    public required CommandSpec Command { get; init; }
}
