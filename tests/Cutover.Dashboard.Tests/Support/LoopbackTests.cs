namespace Cutover.Dashboard.Tests.Support;

/// <summary>The tests that share one <see cref="LoopbackPlatform"/>.</summary>
[CollectionDefinition(Name)]
public sealed class LoopbackTests : ICollectionFixture<LoopbackPlatform>
{
    public const string Name = "loopback platform";
}
