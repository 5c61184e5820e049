using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cutover.Server.Api;

/// <summary>A <c>limit</c> query parameter: positive, and bounded by the endpoint's most (larger asks get the most).</summary>
internal static class QueryLimit
{
    public static ProblemHttpResult? Check(int? limit, int fallback, int most, out int value)
    {
        value = Math.Min(limit ?? fallback, most);
        return limit is < 1
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "invalid limit",
                detail: $"limit={limit} is not a positive number; ask for 1 to {most} entries, or leave limit out for {fallback}")
            : null;
    }
}
