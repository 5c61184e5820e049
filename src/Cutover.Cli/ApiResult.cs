namespace Cutover.Cli;

/// <summary>A control-plane answer: the value, or the problem's title and detail, or unreachable.</summary>
internal sealed record ApiResult<T>(T? Value, int StatusCode, string? Problem)
{
    public bool Ok => Problem is null && Value is not null;

    public bool Unreachable => StatusCode == 0;
}
