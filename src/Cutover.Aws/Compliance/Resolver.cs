namespace Cutover.Aws.Compliance;

/// <summary>Resolves a property's tokens (within the resource's stack) to plain JSON.</summary>
public delegate System.Text.Json.Nodes.JsonNode? Resolver(object? value);
