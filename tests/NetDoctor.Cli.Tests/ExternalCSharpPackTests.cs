namespace NetDoctor.Cli.Tests;

/// <summary>
/// A community pack outside the repository, as CONTRIBUTING describes it: a YAML rule that requires the built-in
/// `cluster` pack and matches its ServiceNetwork, and a C# rule (its own project, referencing NetDoctor's assemblies
/// through $(NetDoctorDir)) that reports with Then().Diagnose(...). The C# is built once for the class (cached).
/// </summary>
public sealed class ExternalCSharpPackFixture : IDisposable
{
    public ExternalCSharpPackFixture()
    {
        Root = Directory.CreateTempSubdirectory("netdoctor-external-pack-").FullName;
        Cache = Path.Combine(Root, "cache");
        // Built packs go to a cache of this test's own (the user's cache folder otherwise).
        Environment.SetEnvironmentVariable("NETDOCTOR_CACHE_DIR", Cache);
        Pack = Path.Combine(Root, "site-pack");
        Write("pack.yaml", """
            apiVersion: netdoctor/v1
            kind: RulePack
            name: site
            version: 0.1.0
            description: Our site's rules.
            requires:
              - {name: cluster, version: "^1.0"}
            csharp:
              project: csharp/Site.Rules/Site.Rules.csproj
            """);
        Write("rules/service-network.yaml", """
            apiVersion: netdoctor/v1
            kind: Rule
            id: site/service-network-seen
            title: The cluster's service network
            severity: warning
            when:
              - fact: ServiceNetwork
                as: net
            then:
              diagnose:
                message: "Service network {{ net.Cidr }} ({{ net.Origin }})"
                remediation:
                  - description: "Probe it"
                    command: "ip route get {{ net.ProbeIp }}"
            """);
        Write("csharp/Site.Rules/Site.Rules.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <!-- NetDoctor sets NetDoctorDir to the folder of its own assemblies when it builds the pack. -->
                <Reference Include="$(NetDoctorDir)NetDoctor.Abstractions.dll" Private="false" />
                <Reference Include="$(NetDoctorDir)NetDoctor.Engine.dll" Private="false" />
                <Reference Include="$(NetDoctorDir)NetDoctor.Facts.dll" Private="false" />
                <Reference Include="$(NetDoctorDir)NRules.Fluent.dll" Private="false" />
                <Reference Include="$(NetDoctorDir)NRules.RuleModel.dll" Private="false" />
              </ItemGroup>
            </Project>
            """);
        Write("csharp/Site.Rules/LinkWithoutIpv4Rule.cs", """
            using NetDoctor.Facts;
            using NetDoctor.Packs.Diagnoses;
            using NRules.Fluent.Dsl;

            namespace Site.Rules;

            [Name("site/link-up-without-ipv4"), Description("An interface is up without an IPv4 address")]
            [Tag("severity:warning")]
            public sealed class LinkWithoutIpv4Rule : Rule
            {
                public override void Define()
                {
                    NetworkLink link = null!;
                    When()
                        .Match(() => link, l => l.Node != null, l => l.IsUp, l => l.Name != "lo")
                        .Not<InterfaceAddress>(a => a.Node == link.Node && a.Interface == link.Name && a.Family == IpFamily.Inet);
                    Then().Diagnose(d => d
                        .Message($"Interface {link.Name} on {link.Node} is up without an IPv4 address")
                        .Remediation($"Renew the DHCP lease of {link.Name}", $"dhclient -v {link.Name}"));
                }
            }
            """);
        Write("tests/site.yaml", """
            apiVersion: netdoctor/v1
            kind: RuleTest
            name: the kubernetes Service's ClusterIP stands for the service network
            rule: site/service-network-seen
            given:
              facts:
                - type: KubeService
                  fields: {Namespace: default, Name: kubernetes, ClusterIps: [10.96.0.1]}
            expect:
              count: 1
              messageContains: "Service network 10.96.0.1/32 (ClusterIP of Service default/kubernetes)"
            ---
            apiVersion: netdoctor/v1
            kind: RuleTest
            name: another Service says nothing
            rule: site/service-network-seen
            given:
              facts:
                - type: KubeService
                  fields: {Namespace: default, Name: web, ClusterIps: [10.96.0.20]}
            expect:
              fired: false
            ---
            apiVersion: netdoctor/v1
            kind: RuleTest
            name: an interface up without IPv4
            rule: site/link-up-without-ipv4
            given:
              facts:
                - type: NetworkLink
                  node: n1
                  fields: {Name: eth1, Flags: [UP, LOWER_UP]}
            expect:
              count: 1
              messageContains: "Interface eth1 on n1 is up without an IPv4 address"
              remediationContains: "dhclient -v eth1"
            ---
            apiVersion: netdoctor/v1
            kind: RuleTest
            name: an interface with its address
            rule: site/link-up-without-ipv4
            given:
              facts:
                - type: NetworkLink
                  node: n1
                  fields: {Name: eth1, Flags: [UP, LOWER_UP]}
                - type: InterfaceAddress
                  node: n1
                  fields: {Interface: eth1, Address: 10.0.0.5/24}
            expect:
              fired: false
            """);
    }

    public string Root { get; }

    public string Pack { get; }

    public string Cache { get; }

    private void Write(string relative, string text)
    {
        string path = Path.Combine(Pack, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text + "\n");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("NETDOCTOR_CACHE_DIR", null);
        Directory.Delete(Root, recursive: true);
    }
}

/// <summary>The classes that build C# packs share NETDOCTOR_CACHE_DIR (process-wide): they run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class CSharpPackBuilds
{
    public const string Name = "C# pack builds";
}

[Collection(CSharpPackBuilds.Name)]
public sealed class ExternalCSharpPackTests(ExternalCSharpPackFixture pack) : IClassFixture<ExternalCSharpPackFixture>
{
    private static readonly string Incident003 = Repo.Sample("incident-003-no-default-route");

    [Fact]
    public void The_pack_is_outside_the_repository() => Path.GetFullPath(pack.Pack).ShouldNotStartWith(Repo.Root);

    [Fact]
    public async Task Vet_with_trust_csharp_builds_the_project_and_passes_with_full_coverage()
    {
        var result = await Cli.Run("vet", pack.Pack, "--trust-csharp");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("coverage: 2/2 rules have a firing and a non-firing test (100%)", Case.Sensitive, result.ToString());
        result.Out.ShouldContain("vet passed: 0 error(s), 0 warning(s), 4/4 tests passed", Case.Sensitive, result.ToString());
    }

    [Fact]
    public async Task Run_with_trust_csharp_diagnoses_with_the_yaml_rule_on_a_base_pack_fact_and_the_csharp_rule()
    {
        var result = await Cli.Run("run", "--packs", pack.Pack, "--trust-csharp", "--bundle", Incident003, "--format", "json");

        result.ExitCode.ShouldBe(1, result.ToString());
        var diagnoses = result.Json["diagnoses"]!.AsArray().Select(d => (Id: (string)d!["ruleId"]!, Message: (string)d["message"]!, Node: (string?)d["node"])).ToList();
        diagnoses.ShouldContain(d => d.Id == "site/service-network-seen" && d.Message == "Service network 10.96.0.0/12 (kube-apiserver --service-cluster-ip-range=10.96.0.0/12)", result.ToString());
        diagnoses.ShouldContain(d => d.Id == "site/link-up-without-ipv4" && d.Message.StartsWith("Interface enp0s3") && d.Node == "admin", result.ToString());
        // The built-in packs still diagnose beside it, and the C# diagnosis has the same shape as a YAML one.
        diagnoses.ShouldContain(d => d.Id == "node/no-route-to-service-cidr");
        var csharp = result.Json["diagnoses"]!.AsArray().First(d => (string)d!["ruleId"]! == "site/link-up-without-ipv4")!;
        ((string)csharp["title"]!).ShouldBe("An interface is up without an IPv4 address");
        ((string)csharp["severity"]!).ShouldBe("warning");
        csharp["evidence"]!.AsArray().Select(e => (string?)e!["source"]).ShouldContain(s => s != null && s.StartsWith("admin/ip-link.txt:"));
        result.Json["packs"]!.AsArray().Select(p => (string)p!["name"]!).ShouldContain("site");
    }

    [Fact]
    public async Task The_build_is_cached_in_a_private_folder_keyed_on_the_project()
    {
        (await Cli.Run("vet", pack.Pack, "--trust-csharp")).ExitCode.ShouldBe(0);
        (await Cli.Run("packs", "--packs", pack.Pack, "--trust-csharp")).ExitCode.ShouldBe(0);

        var built = Directory.GetDirectories(Path.Combine(pack.Cache, "csharp-packs")).Where(d => !Path.GetFileName(d).StartsWith('.')).ToList();
        Path.GetFileName(built.ShouldHaveSingleItem()).ShouldStartWith("site-");
        File.Exists(Path.Combine(built[0], "Site.Rules.dll")).ShouldBeTrue();
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(Path.Combine(pack.Cache, "csharp-packs")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("vet")]
    [InlineData("packs")]
    [InlineData("explain")]
    [InlineData("types")]
    public async Task Without_trust_csharp_the_command_fails_saying_why_and_how(string command)
    {
        var result = command switch
        {
            "run" => await Cli.Run("run", "--packs", pack.Pack, "--bundle", Incident003),
            "vet" => await Cli.Run("vet", pack.Pack),
            "explain" => await Cli.Run("explain", "site/service-network-seen", "--packs", pack.Pack),
            _ => await Cli.Run(command, "--packs", pack.Pack),
        };

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Err.ShouldContain("pack.yaml:9:", Case.Sensitive, result.ToString());
        result.Err.ShouldContain("pack 'site' has C# rules (csharp/Site.Rules/Site.Rules.csproj)", Case.Sensitive, result.ToString());
        result.Err.ShouldContain("full-trust code", Case.Sensitive, result.ToString());
        result.Err.ShouldContain("run again with --trust-csharp", Case.Sensitive, result.ToString());
    }
}
