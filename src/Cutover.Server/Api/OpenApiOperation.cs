namespace Cutover.Server.Api;

/// <summary>One documented operation of the HTTP API, for <see cref="OpenApiDocument"/>.</summary>
/// <param name="Method">GET, POST, ...</param>
/// <param name="Path">The route as OpenAPI writes it, such as <c>/api/v1/releases/{id}</c>.</param>
/// <param name="Tag">The group it is listed under.</param>
/// <param name="Summary">One line: what it does.</param>
/// <param name="Description">More, or null.</param>
internal sealed record OpenApiOperation(string Method, string Path, string Tag, string Summary, string? Description = null)
{
    /// <summary>Path and query parameters: name, where (<c>path</c> or <c>query</c>), JSON type, description.</summary>
    public IReadOnlyList<(string Name, string In, string Type, string Description)> Parameters { get; init; } = [];

    /// <summary>The JSON body's type, or null for none.</summary>
    public Type? RequestBody { get; init; }

    /// <summary>The success status and its body's type (null for none, <see cref="string"/> for an event stream).</summary>
    public (int Status, Type? Body, string? MediaType) Success { get; init; } = (200, null, null);

    /// <summary>The error statuses it answers with problem details, besides 500.</summary>
    public IReadOnlyList<int> Problems { get; init; } = [];

    /// <summary>Whether it changes state, and so needs the bearer token off loopback.</summary>
    public bool StateChanging => Method is "POST" or "PUT" or "PATCH" or "DELETE";
}
