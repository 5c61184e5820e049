using Cutover.Core.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cutover.Server.Api;

/// <summary>
/// A full disk is an expected failure: 507 Insufficient Storage with "disk full at &lt;path&gt;" and what to do,
/// instead of an opaque 500. Logged at error, to stderr too, since the control-plane log file may be on that disk.
/// </summary>
internal sealed partial class DiskFullExceptionHandler(ILogger<DiskFullExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DiskFullException.IsDiskFull(exception))
        {
            return false;
        }

        var where = exception is DiskFullException full ? full.Message : $"disk full: {exception.Message}";
        LogDiskFull(logger, httpContext.Request.Method, httpContext.Request.Path, where);
        await Console.Error.WriteLineAsync($"cutover: {httpContext.Request.Method} {httpContext.Request.Path}: {where}").ConfigureAwait(false);
        await TypedResults.Problem(
            detail: $"{where}: nothing was changed; free space there (see 'df -h'), then send the request again",
            statusCode: StatusCodes.Status507InsufficientStorage,
            title: "disk full").ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(EventId = 507, Level = LogLevel.Error, Message = "{Method} {Path} refused: {Where}")]
    private static partial void LogDiskFull(ILogger logger, string method, string path, string where);
}
