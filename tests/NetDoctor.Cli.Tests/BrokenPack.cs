namespace NetDoctor.Cli.Tests;

/// <summary>A pack in a temporary folder (an absolute path) whose rule has a typo in a field name: vet must fail it.</summary>
public sealed class BrokenPack : IDisposable
{
    private BrokenPack(string directory) => Directory = directory;

    public string Directory { get; }

    public static BrokenPack Create()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"nd-pack-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Path.Combine(dir, "rules"));
        File.WriteAllText(Path.Combine(dir, "pack.yaml"), """
            apiVersion: netdoctor/v1
            kind: RulePack
            name: demo
            version: 0.1.0
            description: a pack with a typo
            """);
        File.WriteAllText(Path.Combine(dir, "rules", "typo.yaml"), """
            apiVersion: netdoctor/v1
            kind: Rule
            id: demo/pool-typo
            title: A typo in a field name
            severity: warning
            when:
              - fact: IpPool
                as: pool
                where:
                  - 'pool.Cidrr.IsIPv4'
            then:
              diagnose:
                message: 'pool {{ pool.Name }}'
                remediation:
                  - description: fix it
                    command: 'kubectl edit ippool {{ pool.Name }}'
            """);
        return new BrokenPack(dir);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
