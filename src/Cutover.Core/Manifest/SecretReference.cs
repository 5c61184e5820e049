namespace Cutover.Core.Manifest;

/// <summary>A reference to a secret that an environment gives its instances as an environment variable.</summary>
/// <param name="Source">Where the value lives.</param>
/// <param name="Name">The variable, file path, secret name or parameter path, as written after the prefix.</param>
public sealed record SecretReference(SecretSource Source, string Name);
