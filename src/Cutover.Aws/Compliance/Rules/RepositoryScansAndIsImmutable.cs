using Amazon.CDK;
using Amazon.CDK.AWS.ECR;

namespace Cutover.Aws.Compliance.Rules;

/// <summary>CUT-ECR-1: repositories scan images on push and never overwrite a tag.</summary>
internal sealed class RepositoryScansAndIsImmutable : ComplianceRule
{
    public override string Id => "CUT-ECR-1";

    public override string Title => "ECR repositories scan on push and have immutable tags";

    public override IEnumerable<string> Check(CfnResource resource, Resolver resolve)
    {
        if (resource is not CfnRepository repository)
        {
            yield break;
        }

        if (!resolve(repository.ImageScanningConfiguration).Get("ScanOnPush").IsTrue())
        {
            yield return "images are not scanned on push";
        }

        if (resolve(repository.ImageTagMutability).Text() != "IMMUTABLE")
        {
            yield return "tags are mutable: a version could be replaced under a running release";
        }
    }
}
