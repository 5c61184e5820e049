using Cutover.Pipelines.Workflows;

namespace Cutover.Pipelines.Tests.Workflows;

public sealed class OidcCheckTests
{
    private const string Role = """
                  - uses: aws-actions/configure-aws-credentials@11bd71901bbe5b1630ceea73d27597364c9af683
                    with:
                      role-to-assume: arn:aws:iam::123456789012:role/deploy
                      aws-region: us-east-1
        """;

    [Fact]
    public void Check_RoleWithTokenInsideEnvironment_HasNoFindings()
    {
        var workflow = WorkflowText.Read($$"""
            on: push
            permissions:
              contents: read
            jobs:
              staging:
                runs-on: x
                environment: staging
                permissions:
                  contents: read
                  id-token: write
                steps:
            {{Role}}
            """);

        OidcCheck.Check(workflow).ShouldBeEmpty();
    }

    [Fact]
    public void Check_TokenOnAJobThatAssumesNoRole_ReportsTokenWithoutRole()
    {
        var workflow = WorkflowText.Read("""
            on: push
            permissions:
              contents: read
            jobs:
              build:
                runs-on: x
                permissions:
                  id-token: write
                steps:
                  - run: make
            """);

        var finding = OidcCheck.Check(workflow).ShouldHaveSingleItem();

        finding.Rule.ShouldBe(WorkflowRules.TokenWithoutRole);
        finding.Job.ShouldBe("build");
    }

    [Fact]
    public void Check_TokenGrantedAtTheTop_ReportsTokenWithoutRoleForTheWorkflow()
    {
        var workflow = WorkflowText.Read($$"""
            on: push
            permissions:
              contents: read
              id-token: write
            jobs:
              staging:
                runs-on: x
                environment: staging
                steps:
            {{Role}}
            """);

        WorkflowText.Rules(OidcCheck.Check(workflow)).ShouldBe([WorkflowRules.TokenWithoutRole, WorkflowRules.RoleWithoutToken]);
    }

    [Fact]
    public void Check_RoleOutsideAnEnvironment_ReportsRoleWithoutEnvironment()
    {
        var workflow = WorkflowText.Read($$"""
            on: push
            permissions:
              contents: read
            jobs:
              staging:
                runs-on: x
                permissions:
                  id-token: write
                steps:
            {{Role}}
            """);

        WorkflowText.Rules(OidcCheck.Check(workflow)).ShouldBe([WorkflowRules.RoleWithoutEnvironment]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("permissions: write-all\n")]
    [InlineData("permissions:\n  contents: write\n")]
    public void Check_TopLevelPermissionsMissingOrBroad_ReportsTopLevelPermissions(string permissions)
    {
        var workflow = WorkflowText.Read($"on: push\n{permissions}jobs:\n  build:\n    runs-on: x\n    steps: []\n");

        WorkflowText.Rules(OidcCheck.Check(workflow)).ShouldContain(WorkflowRules.TopLevelPermissions);
    }

    [Fact]
    public void Check_WriteAllAtTheTop_AlsoReportsTheTokenEveryJobGets()
    {
        var workflow = WorkflowText.Read("on: push\npermissions: write-all\njobs:\n  build:\n    runs-on: x\n    steps: []\n");

        WorkflowText.Rules(OidcCheck.Check(workflow)).ShouldBe([WorkflowRules.TokenWithoutRole, WorkflowRules.TopLevelPermissions]);
    }

    [Fact]
    public void Check_AccessKeyInputs_ReportLongLivedKeys()
    {
        var workflow = WorkflowText.Read("""
            on: push
            permissions:
              contents: read
            jobs:
              staging:
                runs-on: x
                environment: staging
                steps:
                  - uses: aws-actions/configure-aws-credentials@11bd71901bbe5b1630ceea73d27597364c9af683
                    with:
                      aws-access-key-id: ${{ secrets.KEY }}
                      aws-secret-access-key: ${{ secrets.SECRET }}
                      aws-region: us-east-1
            """);

        var findings = OidcCheck.Check(workflow).ToList();

        WorkflowText.Rules(findings).ShouldBe([WorkflowRules.LongLivedKeys, WorkflowRules.LongLivedKeys]);
        findings[0].Line.ShouldBe(9);
    }

    [Theory]
    [InlineData("env:\n  AWS_ACCESS_KEY_ID: AKIA0000\n", "")]
    [InlineData("", "        env:\n          AWS_SECRET_ACCESS_KEY: x\n")]
    [InlineData("", "        env:\n          KEY: ${{ secrets.AWS_ACCESS_KEY_ID }}\n")]
    public void Check_KeysInEnvironmentOrSecrets_ReportLongLivedKeys(string workflowEnv, string stepEnv)
    {
        var workflow = WorkflowText.Read(
            $"on: push\npermissions:\n  contents: read\n{workflowEnv}jobs:\n  build:\n    runs-on: x\n    steps:\n      - run: aws s3 ls\n{stepEnv}");

        WorkflowText.Rules(OidcCheck.Check(workflow)).ShouldBe([WorkflowRules.LongLivedKeys]);
    }
}
