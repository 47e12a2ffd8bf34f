using NetDoctor.Facts;
using NetDoctor.Packs.Testing;

namespace NetDoctor.Packs.Tests.TestFacts;

/// <summary>
/// A stand-in for the Collectors' bundle reader: reads facts.txt lines "NodeAddress NODE IFACE CIDR" and
/// "Route NODE DEST [GATEWAY]" so bundle-based RuleTests can run without the real parsers.
/// </summary>
public sealed class LineFactSource : IFactSource
{
    public List<string> ReadPaths { get; } = [];

    public FactSet Read(string path)
    {
        ReadPaths.Add(path);
        var facts = new List<Fact>();
        var problems = new List<Problem>();
        var lines = File.ReadAllLines(Path.Combine(path, "facts.txt"));
        for (int i = 0; i < lines.Length; i++)
        {
            var f = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var source = new Source("facts.txt", i + 1);
            switch (f)
            {
                case ["NodeAddress", var node, var iface, var cidr]:
                    facts.Add(new NodeAddress { Source = source, Node = node, Interface = iface, Address = Cidr.Parse(cidr) });
                    break;
                case ["Route", var node, var dest, .. var rest]:
                    facts.Add(new Route { Source = source, Node = node, Destination = Cidr.Parse(dest), Gateway = rest.Length > 0 ? System.Net.IPAddress.Parse(rest[0]) : null });
                    break;
                default:
                    problems.Add(new Problem(source, "unknown line"));
                    break;
            }
        }
        return new FactSet(facts, problems);
    }
}
