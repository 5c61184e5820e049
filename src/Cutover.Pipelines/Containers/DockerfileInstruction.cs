namespace Cutover.Pipelines.Containers;

/// <summary>One instruction of a Dockerfile, continuation lines joined and comments dropped.</summary>
/// <param name="Line">The line the instruction starts on, 1-based.</param>
/// <param name="Keyword">The instruction in upper case, such as <c>FROM</c> or <c>HEALTHCHECK</c>.</param>
/// <param name="Arguments">Everything after the keyword, trimmed.</param>
public sealed record DockerfileInstruction(int Line, string Keyword, string Arguments);
