namespace Cutover.SampleService.Configuration;

/// <summary>Either valid options or every problem found, each naming its variable.</summary>
internal sealed record SampleOptionsResult(SampleOptions? Options, IReadOnlyList<string> Errors)
{
    public bool IsValid => Options is not null;
}
