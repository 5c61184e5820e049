namespace Cutover.Aws.Settings;

/// <summary>Which AWS service shifts traffic during a release. The manifest's strategy applies to both.</summary>
public enum ReleaseController
{
    /// <summary>ECS's built-in blue/green, linear and canary deployments (deployment controller ECS). The default.</summary>
    EcsNative,

    /// <summary>An AWS CodeDeploy ECS deployment group (deployment controller CODE_DEPLOY).</summary>
    CodeDeploy,
}
