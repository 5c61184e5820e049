namespace Cutover.Core.Logs.Queries;

/// <summary><c>bin(1m)</c> in <c>stats ... by</c>: the line's timestamp rounded down to a multiple of <see cref="Width"/> (from the Unix epoch, UTC).</summary>
public sealed record LogBinColumn(string Name, TimeSpan Width) : LogColumn(Name);
