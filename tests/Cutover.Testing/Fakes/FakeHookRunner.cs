using Cutover.Core.Hooks;
using Cutover.Core.Manifest;

namespace Cutover.Testing.Fakes;

/// <summary>Hooks that pass unless a test names them in <see cref="Failing"/>.</summary>
public sealed class FakeHookRunner : IHookRunner
{
    public HashSet<string> Failing { get; } = [];

    public List<string> Ran { get; } = [];

    public Task<HookResult> RunAsync(HookSpec hook, Uri testListener, CancellationToken cancellationToken)
    {
        Ran.Add(hook.Name);
        return Task.FromResult(Failing.Contains(hook.Name)
            ? new HookResult(false, 1, "smoke test: GET / returned 500")
            : new HookResult(true, 0, string.Empty));
    }
}
