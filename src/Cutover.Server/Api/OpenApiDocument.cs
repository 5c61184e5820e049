using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cutover.Server.Api;

/// <summary>
/// The OpenAPI 3.1 document of <c>/api/v1</c>, served at <c>/api/v1/openapi.json</c>: the <see cref="OpenApiCatalog"/>
/// entries of the routes this server maps, with JSON schemas exported from the contract types and the app's own JSON
/// options (enums as strings, camelCase), so the schemas cannot drift from what the API sends.
/// </summary>
/// <remarks>Microsoft.AspNetCore.OpenApi is not on the package feed here; this is the hand-written equivalent.</remarks>
public static class OpenApiDocument
{
    public const string DocumentPath = "/api/v1/openapi.json";

    /// <summary>Maps <see cref="DocumentPath"/>; the document is built once, on the first request, when every route is mapped.</summary>
    public static IEndpointRouteBuilder MapOpenApiDocument(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var document = new Lazy<string>(() => Build(
            MappedRoutes(app.DataSources),
            app.ServiceProvider.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions));
        app.MapGet(DocumentPath, () => TypedResults.Text(document.Value, "application/json"));
        return app;
    }

    /// <summary>Every (method, path) under <c>/api/v1</c> the data sources map, paths in OpenAPI's spelling (<c>{id}</c>).</summary>
    public static IReadOnlyList<(string Method, string Path)> MappedRoutes(IEnumerable<EndpointDataSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return [.. sources
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(e => (Path: OpenApiPath(e.RoutePattern), Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Path.StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(e => e.Methods.Select(m => (m.ToUpperInvariant(), e.Path)))
            .Distinct()
            .Order()];
    }

    internal static string Build(IReadOnlyList<(string Method, string Path)> mapped, JsonSerializerOptions json)
    {
        var schemas = new JsonObject();
        var paths = new JsonObject();
        foreach (var operation in OpenApiCatalog.Operations.Where(o => mapped.Contains((o.Method, o.Path))))
        {
            if (paths[operation.Path] is not JsonObject item)
            {
                item = [];
                paths[operation.Path] = item;
            }

            item[operation.Method.ToLowerInvariant()] = Operation(operation, schemas, json);
        }

        schemas["ProblemDetails"] = ProblemSchema();
        var document = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Cutover control plane",
                ["version"] = "v1",
                ["description"] = "Releases, their steering, alarms, the audit trail and the dashboard's live feed. Errors are problem details " +
                    "(RFC 9457). On loopback no token is needed; bound to any other address, state-changing calls need " +
                    $"'Authorization: Bearer <token>' with the token from {ApiAccessOptions.TokenVariable}. Send '{ReleaseApi.ActorHeader}' to name yourself in the audit trail.",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["securitySchemes"] = new JsonObject { ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer" } },
            },
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Operation(OpenApiOperation operation, JsonObject schemas, JsonSerializerOptions json)
    {
        var result = new JsonObject
        {
            ["tags"] = new JsonArray(operation.Tag),
            ["summary"] = operation.Summary,
            ["operationId"] = OperationId(operation),
        };
        if (operation.Description is not null)
        {
            result["description"] = operation.Description;
        }

        if (operation.Parameters.Count > 0)
        {
            result["parameters"] = new JsonArray([.. operation.Parameters.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["in"] = p.In,
                ["required"] = p.In == "path",
                ["description"] = p.Description,
                ["schema"] = new JsonObject { ["type"] = p.Type },
            })]);
        }

        if (operation.RequestBody is { } body)
        {
            result["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = SchemaRef(body, schemas, json) } },
            };
        }

        var responses = new JsonObject();
        var (status, type, mediaType) = operation.Success;
        var success = new JsonObject { ["description"] = OpenApiCatalog.Describe(status) };
        if (type is not null || mediaType is not null)
        {
            var media = new JsonObject();
            if (type is not null)
            {
                media["schema"] = SchemaRef(type, schemas, json);
            }

            success["content"] = new JsonObject { [mediaType ?? "application/json"] = media };
        }

        responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = success;
        var problems = operation.Problems.ToList();
        if (operation.StateChanging && !operation.Path.Contains("/logs/", StringComparison.Ordinal))
        {
            problems.AddRange([401, 403]);
            result["security"] = new JsonArray(new JsonObject(), new JsonObject { ["bearer"] = new JsonArray() });
        }

        foreach (var problem in problems.Append(500).Distinct().Order())
        {
            responses[problem.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["description"] = OpenApiCatalog.Describe(problem),
                ["content"] = new JsonObject
                {
                    ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/ProblemDetails" } },
                },
            };
        }

        result["responses"] = responses;
        return result;
    }

    /// <summary>A list refers to its element's schema; a record gets one schema under components, exported once.</summary>
    private static JsonObject SchemaRef(Type type, JsonObject schemas, JsonSerializerOptions json)
    {
        var element = ElementType(type);
        if (element is not null)
        {
            return new JsonObject { ["type"] = "array", ["items"] = SchemaRef(element, schemas, json) };
        }

        if (!schemas.ContainsKey(type.Name))
        {
            schemas[type.Name] = JsonSchemaExporter.GetJsonSchemaAsNode(json, type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
        }

        return new JsonObject { ["$ref"] = $"#/components/schemas/{type.Name}" };
    }

    private static Type? ElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var definition &&
        (definition == typeof(IReadOnlyList<>) || definition == typeof(List<>) || definition == typeof(IEnumerable<>))
            ? type.GetGenericArguments()[0]
            : null;

    private static JsonObject ProblemSchema() => new()
    {
        ["type"] = "object",
        ["description"] = "RFC 9457 problem details: what went wrong and what to do.",
        ["properties"] = new JsonObject
        {
            ["type"] = new JsonObject { ["type"] = "string" },
            ["title"] = new JsonObject { ["type"] = "string" },
            ["status"] = new JsonObject { ["type"] = "integer" },
            ["detail"] = new JsonObject { ["type"] = "string" },
            ["instance"] = new JsonObject { ["type"] = "string" },
            ["traceId"] = new JsonObject { ["type"] = "string" },
        },
    };

    private static string OperationId(OpenApiOperation operation)
    {
        var words = operation.Path.Replace("/api/v1/", string.Empty, StringComparison.Ordinal)
            .Split(['/', '{', '}', '.', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]);
        return operation.Method.ToLowerInvariant() + string.Concat(words);
    }

    private static string OpenApiPath(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => string.Empty,
        })));
        return "/" + string.Join('/', segments);
    }
}
