namespace Cutover.Server.Dashboard;

/// <summary>One file of the dashboard, as served: its bytes, type and entity tag.</summary>
/// <param name="Path">Relative to <c>/dashboard/</c>, such as <c>vendor/uPlot.iife.min.js</c>.</param>
/// <param name="ContentType">The media type with charset where it is text.</param>
/// <param name="Content">The bytes.</param>
/// <param name="ETag">A strong tag from the content's hash.</param>
internal sealed record DashboardAsset(string Path, string ContentType, ReadOnlyMemory<byte> Content, string ETag);
