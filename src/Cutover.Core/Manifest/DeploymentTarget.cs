namespace Cutover.Core.Manifest;

public enum DeploymentTarget
{
    Local,
    Aws,
}
