using Cutover.Core.Manifest;

namespace Cutover.Core.Hooks;

/// <summary>Runs lifecycle hooks (smoke tests) against the test listener.</summary>
public interface IHookRunner
{
    Task<HookResult> RunAsync(HookSpec hook, Uri testListener, CancellationToken cancellationToken);
}
