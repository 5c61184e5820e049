using Cutover.Core.Manifest;

namespace Cutover.Core.Tests.Manifest;

public sealed class ManifestParserTests
{
    private const string File = "cutover.yaml";

    private const string Minimal = MinimalManifest.Text;

    [Fact]
    public void Parse_RepositoryManifest_IsValid()
    {
        var path = Path.Combine(RepositoryRoot(), "cutover.yaml");

        var result = ManifestParser.Parse(System.IO.File.ReadAllText(path), path);

        result.Errors.ShouldBeEmpty(string.Join(Environment.NewLine, result.Errors));
        result.IsValid.ShouldBeTrue();
        var manifest = result.Manifest;
        manifest.SourcePath.ShouldBe(path);
        manifest.Service.Name.ShouldBe("sample");
        manifest.Service.Build!.Args.ShouldBe(["build", "samples/Cutover.SampleService", "-c", "Release"]);
        manifest.Service.Run.Args.ShouldBe(["samples/Cutover.SampleService/bin/Release/net10.0/Cutover.SampleService.dll"]);
        manifest.Versions.Keys.ShouldBe(["v1", "v2", "v3-errors", "v4-slow", "v5-leak", "v6-unready", "v7-crash"], ignoreOrder: true);
        manifest.Versions["v2"].Env["GREETING"].ShouldNotBe(manifest.Versions["v1"].Env["GREETING"]);
        manifest.Versions["v3-errors"].Faults.ErrorRate.ShouldBe(0.2);
        manifest.Versions["v4-slow"].Faults.AddedLatency.ShouldBe(TimeSpan.FromSeconds(3));
        manifest.Versions["v5-leak"].Faults.MemoryGrowthMbPerSecond.ShouldBe(50);
        manifest.Versions["v6-unready"].Faults.FailReadiness.ShouldBeTrue();
        manifest.Versions["v7-crash"].Faults.CrashAtStart.ShouldBeTrue();
        manifest.Environments.Keys.ShouldBe(["local", "dev", "staging", "prod"], ignoreOrder: true);
        manifest.Environments["local"].Local.ShouldBe(new LocalPortsSpec());
        manifest.Environments["prod"].Local.ShouldBeNull();
        manifest.Environments["prod"].Regions.ShouldBe(["us-east-1", "us-east-2"]);
        manifest.Release.Strategy.ShouldBe(ReleaseStrategyKind.Canary);
        manifest.Release.Canary.Steps.ShouldBe(
        [
            new(5, TimeSpan.FromSeconds(5)),
            new(10, TimeSpan.FromSeconds(5)),
            new(25, TimeSpan.FromSeconds(5)),
            new(50, TimeSpan.FromSeconds(5)),
            new(100, TimeSpan.Zero),
        ]);
        var smoke = manifest.Release.PreTrafficHooks.ShouldHaveSingleItem();
        smoke.Name.ShouldBe("smoke");
        smoke.Command.Command.ShouldBe("bash");
        smoke.Command.Args.ShouldBe(["scripts/smoke.sh"]);
        smoke.Command.Timeout.ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Parse_MinimalManifest_AppliesDefaults()
    {
        var result = ManifestParser.Parse(Minimal, File);

        result.IsValid.ShouldBeTrue(string.Join(Environment.NewLine, result.Errors));
        var manifest = result.Manifest;
        manifest.Service.Build.ShouldBeNull();
        manifest.Service.Port.ShouldBe(8080);
        manifest.Service.Instances.ShouldBe(2);
        manifest.Service.HealthCheck.ShouldBe(new HealthCheckSpec());
        manifest.Service.Shutdown.ShouldBe(new ShutdownSpec());
        manifest.Service.Run.Args.ShouldBeEmpty();
        manifest.Service.Run.WorkingDirectory.ShouldBe(".");
        manifest.Service.Run.Timeout.ShouldBe(TimeSpan.FromMinutes(5));
        manifest.Versions["v1"].Name.ShouldBe("v1");
        manifest.Versions["v1"].Faults.IsNone.ShouldBeTrue();
        var local = manifest.Environments.ShouldHaveSingleItem();
        local.Key.ShouldBe("local");
        local.Value.ShouldBe(new EnvironmentSpec { Name = "local", Target = DeploymentTarget.Local, Local = new LocalPortsSpec() });
        manifest.Release.Strategy.ShouldBe(ReleaseStrategyKind.Canary);
        manifest.Release.PreTrafficHooks.ShouldBeEmpty();
        manifest.Release.ManualApproval.ShouldBeFalse();
        manifest.Release.BakeTime.ShouldBe(TimeSpan.FromSeconds(10));
        manifest.Release.TerminationWait.ShouldBe(TimeSpan.FromSeconds(5));
        manifest.Release.Canary.Steps.ShouldBe(new CanarySpec().Steps);
        manifest.Release.Linear.ShouldBe(new LinearSpec());
    }

    [Fact]
    public void Parse_LocalEnvironmentWithoutPorts_GetsDefaultPorts()
    {
        var result = ManifestParser.Parse(Minimal + """
            environments:
              dev:
                instances: 3
            """, File);

        result.IsValid.ShouldBeTrue(string.Join(Environment.NewLine, result.Errors));
        var dev = result.Manifest.Environments["dev"];
        (dev.Name, dev.Target, dev.Instances, dev.Local).ShouldBe(("dev", DeploymentTarget.Local, (int?)3, (LocalPortsSpec?)new LocalPortsSpec()));
        dev.Regions.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_UnknownFieldCloseToKnownOne_SuggestsIt()
    {
        var error = SingleError("""
            service:
              name: sample
              prot: 8080
              run: { command: dotnet }
              initialVersion: v1
            versions: { v1: {} }
            """);

        error.ShouldBe(new ManifestError(File, 3, 3, "service.prot", "unknown field \"prot\"", "did you mean \"port\"?"));
    }

    [Fact]
    public void Parse_UnknownFieldDifferingOnlyInCase_SuggestsTheRightCase()
    {
        var error = SingleError(Minimal + "Release: {}\n");

        (error.Line, error.Column, error.Field, error.Fix).ShouldBe((8, 1, "Release", "did you mean \"release\"?"));
    }

    [Fact]
    public void Parse_UnknownFieldFarFromAll_ListsAllowedFields()
    {
        var error = SingleError(Minimal + """
            release:
              canary:
                colour: blue
            """);

        error.ShouldBe(new ManifestError(File, 10, 5, "release.canary.colour", "unknown field \"colour\"", "remove it; allowed here: steps, pause"));
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsAllInDocumentOrder()
    {
        var result = ManifestParser.Parse("""
            service:
              name: sample
              run: { command: dotnet }
              port: 99999
              instances: 0
              initialVersion: v1
            versions: { v1: {} }
            release:
              strategy: blue-green
              bakeTime: 10
              canary:
                steps: [5, 50]
            """, File);

        result.IsValid.ShouldBeFalse();
        result.Manifest.ShouldBeNull();
        result.Errors.Select(e => (e.Line, e.Column, e.Field)).ShouldBe(
        [
            (4, 9, "service.port"),
            (5, 14, "service.instances"),
            (9, 13, "release.strategy"),
            (10, 13, "release.bakeTime"),
            (12, 16, "release.canary.steps[1]"),
        ]);
    }

    [Fact]
    public void Parse_YamlSyntaxError_ReportsItsPosition()
    {
        var error = SingleError("""
            service:
              name: sample
              run: command: dotnet
            """);

        (error.Line, error.Column, error.Field).ShouldBe((3, 15, ""));
        error.Problem.ShouldStartWith("invalid YAML: ");
    }

    [Fact]
    public void Parse_TabIndentation_ReportsSyntaxError()
    {
        var error = SingleError("service:\n\tname: sample\n");

        error.Problem.ShouldStartWith("invalid YAML: ");
        error.Fix.ShouldContain("spaces, not tabs");
    }

    [Fact]
    public void Parse_UnclosedFlowList_ReportsSyntaxErrorInsteadOfThrowing()
    {
        var error = SingleError("""
            service:
              run:
                args: [a, b
              port: 1
            """);

        (error.Line, error.Field).ShouldBe((3, ""));
        error.Problem.ShouldStartWith("invalid YAML: ");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    [InlineData("~\n")]
    public void Parse_EmptyDocument_ReportsEmptyManifest(string yaml)
    {
        var error = SingleError(yaml);

        (error.Field, error.Problem).ShouldBe(("", "the manifest is empty"));
    }

    [Fact]
    public void Parse_RootIsAList_ReportsExpectedMapping()
    {
        var result = ManifestParser.Parse("- service\n- versions\n", File);

        result.Errors[0].ShouldBe(new ManifestError(
            File, 1, 1, "", "expected a mapping, got a list", "write key: value pairs using service, versions, environments, release, alarms, logs, notifications, dashboards, pipeline, featureFlags"));
    }

    [Fact]
    public void Parse_TwoDocuments_ReportsTheSecond()
    {
        var error = SingleError(Minimal + "---\nservice: {}\n");

        (error.Line, error.Column, error.Problem).ShouldBe((9, 1, "the file holds more than one YAML document"));
    }

    [Fact]
    public void Parse_DuplicateKeys_ReportsEachAndKeepsValidating()
    {
        var result = ManifestParser.Parse("""
            service:
              name: sample
              run: { command: dotnet }
              port: 8080
              initialVersion: v1
              port: 9090
            versions:
              v1: {}
              v1: { faults: { errorRate: 2 } }
            release:
              bakeTime: 10
            """, File);

        result.Errors.ShouldBe(
        [
            new ManifestError(File, 6, 3, "service.port", "duplicate key \"port\" (first set on line 4)", "keep only one of them; YAML allows each key once per mapping"),
            new ManifestError(File, 9, 3, "versions.v1", "duplicate key \"v1\" (first set on line 8)", "keep only one of them; YAML allows each key once per mapping"),
            new ManifestError(File, 11, 13, "release.bakeTime", "duration 10 has no unit", "add a unit: 10s for seconds or 10ms for milliseconds (units: ms, s, m, h)"),
        ]);
    }

    [Fact]
    public void Parse_DuplicateKeyInsideAList_ReportsItsIndexedPath()
    {
        var error = SingleError(Minimal + """
            release:
              preTrafficHooks:
                - name: smoke
                  command: bash
                  command: sh
            """);

        (error.Line, error.Column, error.Field).ShouldBe((12, 7, "release.preTrafficHooks[0].command"));
    }

    [Fact]
    public void Parse_MissingRequiredFields_ReportsEachAtItsParent()
    {
        var result = ManifestParser.Parse("""
            service:
              port: 8080
              run:
                args: [x]
            """, File);

        result.Errors.Select(e => (e.Line, e.Column, e.Field, e.Problem)).ShouldBe(
        [
            (1, 1, "versions", "required field \"versions\" is missing"),
            (1, 1, "service.name", "required field \"name\" is missing"),
            (1, 1, "service.initialVersion", "required field \"initialVersion\" is missing"),
            (3, 3, "service.run.command", "required field \"command\" is missing"),
        ]);
    }

    [Fact]
    public void Parse_NoSections_ReportsServiceAndVersionsMissing()
    {
        var result = ManifestParser.Parse("release: {}\n", File);

        result.Errors.Select(e => e.Field).ShouldBe(["service", "versions"]);
        result.Errors.ShouldAllBe(e => e.Line == 1 && e.Column == 1);
    }

    [Fact]
    public void Parse_TextWhereNumberExpected_ReportsWrongType()
    {
        var error = SingleError(Minimal.Replace("  initialVersion: v1", "  initialVersion: v1\n  port: eighty", StringComparison.Ordinal));

        error.ShouldBe(new ManifestError(File, 6, 9, "service.port", "expected a whole number, got \"eighty\"", "use a whole number from 1 to 65535"));
    }

    [Fact]
    public void Parse_QuotedNumber_SaysToRemoveTheQuotes()
    {
        var error = SingleError(Minimal.Replace("  initialVersion: v1", "  initialVersion: v1\n  port: \"8080\"", StringComparison.Ordinal));

        (error.Line, error.Column, error.Field, error.Fix).ShouldBe((6, 9, "service.port", "remove the quotes"));
    }

    [Fact]
    public void Parse_MappingWhereTextExpected_ReportsWrongType()
    {
        var error = SingleError(Minimal.Replace("name: sample", "name: { first: sample }", StringComparison.Ordinal));

        (error.Line, error.Column, error.Field, error.Problem).ShouldBe((2, 9, "service.name", "expected text, got a mapping"));
    }

    [Theory]
    [InlineData("port: 0", "service.port", "port 0 is outside 1-65535")]
    [InlineData("port: 65536", "service.port", "port 65536 is outside 1-65535")]
    [InlineData("instances: 17", "service.instances", "instances 17 is outside 1-16")]
    [InlineData("healthCheck: { healthyThreshold: 11 }", "service.healthCheck.healthyThreshold", "healthyThreshold 11 is outside 1-10")]
    [InlineData("healthCheck: { unhealthyThreshold: 0 }", "service.healthCheck.unhealthyThreshold", "unhealthyThreshold 0 is outside 1-10")]
    [InlineData("healthCheck: { timeout: 0s }", "service.healthCheck.timeout", "timeout must be greater than 0")]
    [InlineData("healthCheck: { interval: 0ms }", "service.healthCheck.interval", "interval must be greater than 0")]
    [InlineData("healthCheck: { path: health/ready }", "service.healthCheck.path", "path \"health/ready\" does not start with /")]
    [InlineData("healthCheck: { livenessPath: live }", "service.healthCheck.livenessPath", "path \"live\" does not start with /")]
    [InlineData("healthCheck: { command: [] }", "service.healthCheck.command", "command is empty")]
    [InlineData("shutdown: { stopTimeout: 0s }", "service.shutdown.stopTimeout", "stopTimeout must be greater than 0")]
    [InlineData("shutdown: { deregistrationDelay: 2 }", "service.shutdown.deregistrationDelay", "duration 2 has no unit")]
    [InlineData("build: { args: [build] }", "service.build.command", "required field \"command\" is missing")]
    public void Parse_InvalidServiceValue_ReportsFieldOnLineSix(string line, string field, string problem)
    {
        var error = SingleError(Minimal.Replace("  initialVersion: v1", "  initialVersion: v1\n  " + line, StringComparison.Ordinal));

        (error.Line, error.Field, error.Problem).ShouldBe((6, field, problem));
    }

    [Fact]
    public void Parse_HealthCheckCommand_KeepsTheExecFormInOrder()
    {
        var result = ManifestParser.Parse(Minimal.Replace("  initialVersion: v1", "  initialVersion: v1\n  healthCheck: { command: [/app/probe, --url, \"http://127.0.0.1:8080/health/live\"] }", StringComparison.Ordinal), "cutover.yaml");

        result.Errors.ShouldBeEmpty();
        result.Manifest!.Service.HealthCheck.Command.ShouldBe(["/app/probe", "--url", "http://127.0.0.1:8080/health/live"]);
    }

    [Fact]
    public void Parse_ServiceNameWithUppercase_SuggestsACleanName()
    {
        var error = SingleError(Minimal.Replace("name: sample", "name: My_Service", StringComparison.Ordinal));

        error.ShouldBe(new ManifestError(
            File, 2, 9, "service.name", "service name \"My_Service\" may only contain lowercase letters, digits and -", "use \"my-service\""));
    }

    [Fact]
    public void Parse_InitialVersionNotDeclared_SuggestsTheClosest()
    {
        var error = SingleError(Minimal.Replace("initialVersion: v1", "initialVersion: V1", StringComparison.Ordinal));

        error.ShouldBe(new ManifestError(File, 5, 19, "service.initialVersion", "initial version \"V1\" is not declared under versions", "did you mean \"v1\"?"));
    }

    [Fact]
    public void Parse_InitialVersionFarFromAll_ListsVersions()
    {
        var error = SingleError(Minimal.Replace("initialVersion: v1", "initialVersion: release-one", StringComparison.Ordinal));

        (error.Line, error.Column, error.Fix).ShouldBe((5, 19, "use one of: v1"));
    }

    [Fact]
    public void Parse_DurationWithoutUnit_AsksForAUnit()
    {
        var error = SingleError(Minimal.Replace("command: dotnet", "command: dotnet\n    timeout: 30", StringComparison.Ordinal));

        error.ToString().ShouldBe(
            "cutover.yaml:5:14: service.run.timeout: duration 30 has no unit. Fix: add a unit: 30s for seconds or 30ms for milliseconds (units: ms, s, m, h).");
    }

    [Fact]
    public void Parse_HugeBakeTime_ReportsTheFieldInsteadOfThrowing()
    {
        var error = SingleError(Minimal + "release:\n  bakeTime: 3000000000000000000h\n");

        error.ToString().ShouldBe(
            "cutover.yaml:9:13: release.bakeTime: duration \"3000000000000000000h\" is too long. Fix: write a shorter duration, such as 500ms, 10s, 2m, 1h or 1m30s.");
    }

    [Fact]
    public void Parse_CommandSpec_ReadsAllFields()
    {
        var result = ManifestParser.Parse(Minimal.Replace("command: dotnet", """
            command: dotnet
                args: [run, -c, 5]
                workingDirectory: src
                env: { ASPNETCORE_ENVIRONMENT: Production, EMPTY: }
                timeout: 1m30s
            """, StringComparison.Ordinal), File);

        result.IsValid.ShouldBeTrue(string.Join(Environment.NewLine, result.Errors));
        var run = result.Manifest.Service.Run;
        run.Args.ShouldBe(["run", "-c", "5"]);
        run.WorkingDirectory.ShouldBe("src");
        run.Env.ShouldBe(new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["EMPTY"] = "" });
        run.Timeout.ShouldBe(TimeSpan.FromSeconds(90));
    }

    [Fact]
    public void Parse_InvalidEnvironmentVariableName_ReportsIt()
    {
        var error = SingleError(Minimal.Replace("v1: {}", "v1: { env: { 1BAD: x } }", StringComparison.Ordinal));

        (error.Line, error.Column, error.Field).ShouldBe((7, 16, "versions.v1.env.1BAD"));
    }

    [Fact]
    public void Parse_NoVersions_ReportsIt()
    {
        var error = SingleError(Minimal.Replace("  v1: {}\n", "", StringComparison.Ordinal));

        error.ShouldBe(new ManifestError(File, 6, 1, "versions", "no versions are declared", "declare at least one, such as versions: { v1: {} }"));
    }

    [Fact]
    public void Parse_VersionNameWithSpace_ReportsIt()
    {
        var result = ManifestParser.Parse(Minimal + "  \"v 2\": {}\n", File);

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Line, error.Column, error.Field).ShouldBe((8, 3, "versions.v 2"));
    }

    [Fact]
    public void Parse_VersionFaults_ReadsAllAndChecksRanges()
    {
        var result = ManifestParser.Parse(Minimal + """
              v2:
                faults: { errorRate: 1.5, addedLatency: 3s, memoryGrowthMbPerSecond: -1, failReadiness: yes, crashAtStart: true }
            """, File);

        result.Errors.Select(e => (e.Line, e.Column, e.Field, e.Problem)).ShouldBe(
        [
            (9, 26, "versions.v2.faults.errorRate", "errorRate 1.5 is outside 0-1"),
            (9, 74, "versions.v2.faults.memoryGrowthMbPerSecond", "memoryGrowthMbPerSecond -1 is below 0"),
            (9, 93, "versions.v2.faults.failReadiness", "expected true or false, got \"yes\""),
        ]);
    }

    [Fact]
    public void Parse_AwsEnvironmentWithoutRegions_ReportsMissingRegions()
    {
        var error = SingleError(Minimal + """
            environments:
              prod:
                target: aws
            """);

        error.ShouldBe(new ManifestError(
            File, 9, 3, "environments.prod.regions", "an aws environment needs regions", "add regions: [us-east-1]; the first region is the primary"));
    }

    [Fact]
    public void Parse_AwsEnvironmentWithEmptyRegions_ReportsEmptyList()
    {
        var error = SingleError(Minimal + """
            environments:
              prod: { target: aws, regions: [] }
            """);

        (error.Line, error.Column, error.Field, error.Problem).ShouldBe((9, 33, "environments.prod.regions", "regions is empty"));
    }

    [Fact]
    public void Parse_AwsEnvironmentWithPorts_ReportsPortsNotAllowed()
    {
        var error = SingleError(Minimal + """
            environments:
              prod:
                target: aws
                regions: [us-east-1]
                ports: { production: 80 }
            """);

        (error.Line, error.Column, error.Field, error.Problem).ShouldBe((12, 5, "environments.prod.ports", "ports apply to local environments only"));
    }

    [Fact]
    public void Parse_AwsEnvironmentWithMinFreeDisk_ReportsLocalOnly()
    {
        var error = SingleError(Minimal + """
            environments:
              prod:
                target: aws
                regions: [us-east-1]
                minFreeDiskMb: 500
            """);

        (error.Line, error.Column, error.Field).ShouldBe((12, 5, "environments.prod.minFreeDiskMb"));
        error.Problem.ShouldContain("local environments only");
    }

    [Fact]
    public void Parse_MinFreeDisk_IsReadWithDefault100()
    {
        var result = ManifestParser.Parse(Minimal + """
            environments:
              local: { minFreeDiskMb: 2048 }
              other: {}
            """, "cutover.yaml");

        result.IsValid.ShouldBeTrue(string.Join("; ", result.Errors));
        result.Manifest!.Environments["local"].MinFreeDiskMb.ShouldBe(2048);
        result.Manifest.Environments["other"].MinFreeDiskMb.ShouldBe(100);
    }

    [Fact]
    public void Parse_NegativeMinFreeDisk_ReportsRange()
    {
        var error = SingleError(Minimal + """
            environments:
              local: { minFreeDiskMb: -1 }
            """);

        error.Field.ShouldBe("environments.local.minFreeDiskMb");
    }

    [Fact]
    public void Parse_LocalEnvironmentWithRegions_ReportsRegionsNotAllowed()
    {
        var error = SingleError(Minimal + """
            environments:
              local:
                regions: [us-east-1]
            """);

        (error.Line, error.Column, error.Field).ShouldBe((10, 5, "environments.local.regions"));
    }

    [Fact]
    public void Parse_BadRegion_ReportsItsIndex()
    {
        var error = SingleError(Minimal + """
            environments:
              prod:
                target: aws
                regions: [us-east-1, useast2]
            """);

        (error.Line, error.Column, error.Field).ShouldBe((11, 26, "environments.prod.regions[1]"));
    }

    [Fact]
    public void Parse_UnknownTarget_SuggestsTheClosest()
    {
        var error = SingleError(Minimal + """
            environments:
              prod:
                target: AWS
                regions: [us-east-1]
            """);

        error.ShouldBe(new ManifestError(File, 10, 13, "environments.prod.target", "unknown target \"AWS\"", "did you mean \"aws\"? (allowed: local or aws)"));
    }

    [Fact]
    public void Parse_AwsEnvironment_HasNoLocalPorts()
    {
        var result = ManifestParser.Parse(Minimal + """
            environments:
              prod: { target: aws, instances: 4, regions: [us-east-1, us-east-2] }
            """, File);

        result.IsValid.ShouldBeTrue(string.Join(Environment.NewLine, result.Errors));
        var prod = result.Manifest.Environments["prod"];
        (prod.Name, prod.Target, prod.Instances, prod.Local).ShouldBe(("prod", DeploymentTarget.Aws, (int?)4, (LocalPortsSpec?)null));
        prod.Regions.ShouldBe(["us-east-1", "us-east-2"]);
    }

    [Fact]
    public void Parse_EmptyEnvironments_ReportsIt()
    {
        var error = SingleError(Minimal + "environments: {}\n");

        (error.Line, error.Column, error.Field, error.Problem).ShouldBe((8, 1, "environments", "no environments are declared"));
    }

    [Fact]
    public void Parse_LocalPorts_ReadsAllFields()
    {
        var result = ManifestParser.Parse(Minimal + """
            environments:
              local:
                ports: { bindAddress: 0.0.0.0, production: 80, test: 81, haproxyStats: 82, prometheus: 83, controlPlane: 84, instancesFrom: 9000, instancesTo: 9003 }
            """, File);

        result.IsValid.ShouldBeTrue(string.Join(Environment.NewLine, result.Errors));
        result.Manifest.Environments["local"].Local.ShouldBe(new LocalPortsSpec
        {
            BindAddress = "0.0.0.0",
            ProductionPort = 80,
            TestPort = 81,
            HaproxyStatsPort = 82,
            PrometheusPort = 83,
            ControlPlanePort = 84,
            InstancePortsFrom = 9000,
            InstancePortsTo = 9003,
        });
    }

    [Theory]
    [InlineData("test: 8080", 20, "environments.local.ports.test", "test port 8080 is also the production port")]
    [InlineData("prometheus: 18150", 26, "environments.local.ports.prometheus", "prometheus port 18150 is inside the instance range 18100-18199")]
    [InlineData("instancesFrom: 8000, instancesTo: 8080", 29, "environments.local.ports.instancesFrom", "production port 8080 is inside the instance range 8000-8080")]
    [InlineData("instancesFrom: 18200", 29, "environments.local.ports.instancesFrom", "instancesFrom 18200 is greater than instancesTo 18199")]
    [InlineData("instancesTo: 18102", 27, "environments.local.ports.instancesTo", "the instance range 18100-18102 holds 3 ports but 2 instances per version need 4 (old and new versions run side by side)")]
    [InlineData("bindAddress: localhost", 27, "environments.local.ports.bindAddress", "\"localhost\" is not an IP address")]
    [InlineData("production: 70000", 26, "environments.local.ports.production", "production 70000 is outside 1-65535")]
    public void Parse_BadPortPlan_ReportsTheOffendingPort(string ports, int column, string field, string problem)
    {
        var error = SingleError(Minimal + $$"""
            environments:
              local:
                ports: { {{ports}} }
            """);

        (error.Line, error.Column, error.Field, error.Problem).ShouldBe((10, column, field, problem));
    }

    [Fact]
    public void Parse_InstanceRangeTooSmallForEnvironmentInstances_UsesTheEnvironmentCount()
    {
        var error = SingleError(Minimal + """
            environments:
              local:
                instances: 8
                ports: { instancesFrom: 18100, instancesTo: 18110 }
            """);

        (error.Line, error.Column, error.Problem).ShouldBe(
            (11, 49, "the instance range 18100-18110 holds 11 ports but 8 instances per version need 16 (old and new versions run side by side)"));
        error.Fix.ShouldBe("widen the range to at least 16 ports, such as 18100-18115");
    }

    [Fact]
    public void Parse_StrategyNearMiss_SuggestsBlueGreen()
    {
        var error = SingleError(Minimal + "release: { strategy: blue-green }\n");

        error.ToString().ShouldBe(
            "cutover.yaml:8:22: release.strategy: unknown strategy \"blue-green\". Fix: did you mean \"blueGreen\"? (allowed: blueGreen or canary or linear).");
    }

    [Theory]
    [InlineData("blueGreen", ReleaseStrategyKind.BlueGreen)]
    [InlineData("canary", ReleaseStrategyKind.Canary)]
    [InlineData("linear", ReleaseStrategyKind.Linear)]
    public void Parse_Strategy_AcceptsExactSpelling(string text, ReleaseStrategyKind expected)
    {
        var result = ManifestParser.Parse(Minimal + $"release: {{ strategy: {text} }}\n", File);

        result.IsValid.ShouldBeTrue(string.Join(Environment.NewLine, result.Errors));
        result.Manifest.Release.Strategy.ShouldBe(expected);
    }

    [Fact]
    public void Parse_ReleaseFields_AreRead()
    {
        var result = ManifestParser.Parse(Minimal + """
            release:
              manualApproval: true
              bakeTime: 0s
              terminationWait: 1m
              linear: { stepPercent: 25, interval: 30s }
            """, File);

        result.IsValid.ShouldBeTrue(string.Join(Environment.NewLine, result.Errors));
        var release = result.Manifest.Release;
        (release.ManualApproval, release.BakeTime, release.TerminationWait).ShouldBe((true, TimeSpan.Zero, TimeSpan.FromMinutes(1)));
        release.Linear.ShouldBe(new LinearSpec { StepPercent = 25, Interval = TimeSpan.FromSeconds(30) });
    }

    [Fact]
    public void Parse_HookProblems_ReportsMissingNameDuplicateNameAndMissingCommand()
    {
        var result = ManifestParser.Parse(Minimal + """
            release:
              preTrafficHooks:
                - command: bash
                - name: smoke
                  command: bash
                - name: smoke
                  timeout: 30s
            """, File);

        result.Errors.Select(e => (e.Line, e.Column, e.Field, e.Problem)).ShouldBe(
        [
            (10, 7, "release.preTrafficHooks[0].name", "required field \"name\" is missing"),
            (13, 7, "release.preTrafficHooks[2].command", "required field \"command\" is missing"),
            (13, 13, "release.preTrafficHooks[2].name", "hook name \"smoke\" is used twice (first on line 11)"),
        ]);
    }

    [Fact]
    public void Parse_HooksNotAList_ReportsExpectedList()
    {
        var error = SingleError(Minimal + "release:\n  preTrafficHooks: smoke\n");

        (error.Line, error.Column, error.Field, error.Problem).ShouldBe((9, 20, "release.preTrafficHooks", "expected a list, got \"smoke\""));
    }

    [Fact]
    public void Parse_CanaryListSteps_UseThePauseAndEndWithZero()
    {
        var result = ManifestParser.Parse(Minimal + """
            release:
              canary:
                steps: [10, 50, 100]
                pause: 30s
            """, File);

        result.IsValid.ShouldBeTrue(string.Join(Environment.NewLine, result.Errors));
        result.Manifest.Release.Canary.Steps.ShouldBe(
            [new(10, TimeSpan.FromSeconds(30)), new(50, TimeSpan.FromSeconds(30)), new(100, TimeSpan.Zero)]);
    }

    [Fact]
    public void Parse_CanaryObjectSteps_UseTheirOwnPauses()
    {
        var result = ManifestParser.Parse(Minimal + """
            release:
              canary:
                steps:
                  - { weight: 5, pause: 1m }
                  - { weight: 50 }
                  - { weight: 100 }
            """, File);

        result.IsValid.ShouldBeTrue(string.Join(Environment.NewLine, result.Errors));
        result.Manifest.Release.Canary.Steps.ShouldBe(
            [new(5, TimeSpan.FromMinutes(1)), new(50, TimeSpan.FromSeconds(10)), new(100, TimeSpan.Zero)]);
    }

    [Fact]
    public void Parse_CanaryPauseWithoutSteps_AppliesToDefaultSteps()
    {
        var result = ManifestParser.Parse(Minimal + "release: { canary: { pause: 2s } }\n", File);

        result.IsValid.ShouldBeTrue(string.Join(Environment.NewLine, result.Errors));
        result.Manifest.Release.Canary.Steps.Select(s => (s.Weight, s.Pause)).ShouldBe(
        [
            (5, TimeSpan.FromSeconds(2)),
            (10, TimeSpan.FromSeconds(2)),
            (25, TimeSpan.FromSeconds(2)),
            (50, TimeSpan.FromSeconds(2)),
            (100, TimeSpan.Zero),
        ]);
    }

    [Fact]
    public void Parse_CanaryObjectStepWeightOutOfRange_NamesTheWeightField()
    {
        var result = ManifestParser.Parse(Minimal + """
            release:
              canary:
                steps:
                  - weight: 5
                  - weight: 10
                  - weight: 120
                  - weight: 100
            """, File);

        var error = result.Errors.ShouldHaveSingleItem();
        error.ToString().ShouldBe(
            "cutover.yaml:13:17: release.canary.steps[2].weight: weight 120 is outside 1-100. Fix: use a whole number from 1 to 100.");
    }

    [Fact]
    public void Parse_CanaryStepsNotIncreasing_ReportsTheStepThatDrops()
    {
        var error = SingleError(Minimal + "release: { canary: { steps: [10, 50, 25, 100] } }\n");

        error.ShouldBe(new ManifestError(
            File, 8, 38, "release.canary.steps[2]", "step 25 is not above the step before it (50)", "list the steps in increasing order, each larger than the one before"));
    }

    [Fact]
    public void Parse_CanaryLastStepNot100_ReportsTheLastStep()
    {
        var error = SingleError(Minimal + "release: { canary: { steps: [{ weight: 10 }, { weight: 50 }] } }\n");

        error.ShouldBe(new ManifestError(
            File, 8, 56, "release.canary.steps[1].weight", "the last step is 50, so the release never reaches 100%", "end the steps with 100"));
    }

    [Fact]
    public void Parse_CanaryEmptySteps_ReportsIt()
    {
        var error = SingleError(Minimal + "release: { canary: { steps: [] } }\n");

        (error.Line, error.Column, error.Field, error.Problem).ShouldBe((8, 29, "release.canary.steps", "steps is empty"));
    }

    [Fact]
    public void Parse_LinearStepPercentOutOfRange_ReportsIt()
    {
        var error = SingleError(Minimal + "release:\n  linear:\n    stepPercent: 0\n");

        (error.Line, error.Column, error.Field, error.Problem).ShouldBe((10, 18, "release.linear.stepPercent", "stepPercent 0 is outside 1-100"));
    }

    [Fact]
    public void Parse_FieldWithoutValue_ReportsIt()
    {
        var error = SingleError(Minimal + "release:\n  bakeTime:\n");

        (error.Line, error.Field, error.Problem).ShouldBe((9, "release.bakeTime", "the field has no value"));
    }

    [Fact]
    public void Parse_NullArguments_Throw()
    {
        Should.Throw<ArgumentNullException>(() => ManifestParser.Parse(null!, File));
        Should.Throw<ArgumentNullException>(() => ManifestParser.Parse(Minimal, null!));
    }

    [Fact]
    public void ToString_EmptyField_LeavesItOut()
    {
        var error = new ManifestError(File, 1, 1, "", "the manifest is empty", "add service and versions.");

        error.ToString().ShouldBe("cutover.yaml:1:1: the manifest is empty. Fix: add service and versions.");
    }

    private static ManifestError SingleError(string yaml)
    {
        var result = ManifestParser.Parse(yaml, File);
        result.Manifest.ShouldBeNull();
        return result.Errors.ShouldHaveSingleItem(string.Join(Environment.NewLine, result.Errors));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "Cutover.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Cutover.slnx above {AppContext.BaseDirectory}");
    }
}
