using Microsoft.AspNetCore.Http;

namespace Cutover.Server.Api;

/// <summary>
/// Turns the framework's bad-request exceptions (malformed or mistyped JSON, a body over the limit, a wrong content
/// type, a query parameter that is not a number) into problem details that say what was wrong, in place of the
/// exception handler's bare 500-style answer.
/// </summary>
internal sealed class BadRequestProblems(RequestDelegate next, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = exception.StatusCode;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = exception.StatusCode,
                    Title = exception.StatusCode switch
                    {
                        StatusCodes.Status413PayloadTooLarge => "body too large",
                        StatusCodes.Status415UnsupportedMediaType => "unsupported media type",
                        _ => "invalid request",
                    },
                    Detail = ApiInput.Detail(exception),
                },
            }).ConfigureAwait(false);
        }
    }
}
