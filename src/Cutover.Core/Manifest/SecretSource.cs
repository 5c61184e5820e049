namespace Cutover.Core.Manifest;

/// <summary>Where a secret's value lives. The manifest holds only the reference, never the value.</summary>
public enum SecretSource
{
    /// <summary><c>env:NAME</c>: an environment variable of the control plane (local target only).</summary>
    Environment,

    /// <summary><c>file:path</c>: a file outside the repository (local target only).</summary>
    File,

    /// <summary><c>secretsmanager:name</c>: an AWS Secrets Manager secret (aws target only).</summary>
    SecretsManager,

    /// <summary><c>ssm:/path</c>: an AWS Systems Manager Parameter Store SecureString (aws target only).</summary>
    ParameterStore,
}
