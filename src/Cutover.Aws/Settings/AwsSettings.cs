namespace Cutover.Aws.Settings;

/// <summary>
/// What the AWS target needs that <c>cutover.yaml</c> does not say: accounts, DNS, ownership tags, the CI repository
/// and the release controller. Read from CDK context (<c>cdk.json</c> or <c>-c key=value</c>), keys <c>cutover:*</c>.
/// </summary>
public sealed record AwsSettings
{
    /// <summary>The manifest, relative to the working directory. Context <c>cutover:manifest</c>.</summary>
    public string ManifestPath { get; init; } = "cutover.yaml";

    /// <summary>The environments to synthesize; empty for every <c>target: aws</c> environment. Context <c>cutover:environment</c>.</summary>
    public IReadOnlyList<string> Environments { get; init; } = [];

    /// <summary>Account per environment name; environments not listed get <see cref="DefaultAccount"/>. Context <c>cutover:accounts</c>.</summary>
    public IReadOnlyDictionary<string, string> Accounts { get; init; } = new Dictionary<string, string>();

    /// <summary>Used when an environment has no account: a placeholder that synthesizes but cannot be deployed.</summary>
    public string DefaultAccount { get; init; } = "111111111111";

    /// <summary>Context <c>cutover:releaseController</c>: <c>ecs</c> (default) or <c>codeDeploy</c>.</summary>
    public ReleaseController ReleaseController { get; init; } = ReleaseController.EcsNative;

    /// <summary>The service's public name; <c>{env}.</c> is prefixed for environments other than prod. Context <c>cutover:domainName</c>.</summary>
    public string DomainName { get; init; } = "sample.example.com";

    /// <summary>The Route 53 public hosted zone holding <see cref="DomainName"/>. Context <c>cutover:hostedZoneId</c>.</summary>
    public string HostedZoneId { get; init; } = "Z0000000000EXAMPLE";

    /// <summary>Context <c>cutover:hostedZoneName</c>.</summary>
    public string HostedZoneName { get; init; } = "example.com";

    /// <summary>The <c>owner</c> tag on every resource. Context <c>cutover:owner</c>.</summary>
    public string Owner { get; init; } = "platform-team";

    /// <summary>The <c>cost-centre</c> tag on every resource. Context <c>cutover:costCentre</c>.</summary>
    public string CostCentre { get; init; } = "cc-0000";

    /// <summary><c>owner/repo</c> whose GitHub Actions may deploy. Context <c>cutover:githubRepository</c>.</summary>
    public string GitHubRepository { get; init; } = "example-org/sample";

    /// <summary>
    /// The CodeStar (CodeConnections) connection to GitHub that a <c>pipeline.provider: codePipeline</c> pipeline reads
    /// its source through; created and authorised once in the console, never a token. Context
    /// <c>cutover:codestarConnectionArn</c>; the default is a placeholder that synthesizes but cannot deploy.
    /// </summary>
    public string CodeStarConnectionArn { get; init; } = PlaceholderConnectionArn;

    /// <summary>
    /// The image tag to run instead of the manifest's <c>service.initialVersion</c>: the pipeline passes the commit it
    /// built, so a <c>cdk deploy</c> is the release. Context <c>cutover:imageTag</c>; null keeps the initial version.
    /// </summary>
    public string? ImageTag { get; init; }

    /// <summary>
    /// The project the pipeline publishes as the service's container image (<c>dotnet publish /t:PublishContainer</c>),
    /// relative to the repository root. Context <c>cutover:imageProject</c>.
    /// </summary>
    public string ImageProject { get; init; } = "samples/Cutover.SampleService";

    public const string PlaceholderConnectionArn = "arn:aws:codestar-connections:us-east-1:111111111111:connection/00000000-0000-0000-0000-000000000000";

    /// <summary>Per-environment overrides of the catalog, for tests and special cases; null keeps <see cref="EnvironmentCatalog"/>.</summary>
    public Func<EnvironmentSettings, EnvironmentSettings>? Customize { get; init; }

    public string AccountFor(string environment) => Accounts.TryGetValue(environment, out var account) ? account : DefaultAccount;

    /// <summary>prod serves the domain itself; other environments a subdomain such as <c>dev.sample.example.com</c>.</summary>
    public string DomainFor(string environment) => environment == "prod" ? DomainName : $"{environment}.{DomainName}";
}
