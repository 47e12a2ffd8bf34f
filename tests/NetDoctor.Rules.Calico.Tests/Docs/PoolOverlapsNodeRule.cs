// CONTRIBUTING.md §6 quotes this file between the markers; ContributingExampleTests keeps the two identical.
// <contributing-example>
using NetDoctor.Facts;               // the fact types (IpPool, InterfaceAddress, Route, ...)
using NetDoctor.Packs.Diagnoses;     // Then().Diagnose(...) and Then().Derive(...): what YAML's diagnose: and derive: do
using NRules.Fluent.Dsl;             // NRules' DSL: Rule, [Name], [Description], [Tag], [Priority]

namespace NetDoctor.Rules.Calico.Tests.Docs;

[Name("example/pool-overlaps-node"), Description("IP pool overlaps a node network")]   // id and title
[Tag("severity:critical"), Tag("calico"), Priority(10)]
public sealed class PoolOverlapsNodeRule(ISiteNotes notes) : Rule         // constructor services come from DI
{
    public override void Define()
    {
        IpPool pool = null!;                  // pattern variables are locals, bound with () => x
        InterfaceAddress addr = null!;
        IEnumerable<Route> routes = null!;
        When()
            .Match(() => pool, p => p.NatOutgoing && !p.Disabled)
            .Match(() => addr, a => a.Node != null, a => pool.Cidr.Contains(a.Address.Address))   // joins on pool
            .Not<Route>(r => r.Node == addr.Node && r.Destination.IsDefault)
            .Query(() => routes, q => q.Match<Route>(r => r.Node == addr.Node).Collect());
        Then().Diagnose(d => d                // id, title and severity come from the attributes above
            .Message($"IP pool {pool.Name} ({pool.Cidr}) contains {addr.Address.Address} of {addr.Interface} on node {addr.Node} " +
                     $"({routes.Count()} routes, none default). {notes.For(addr.Node!)}")
            .Remediation("Move the pool off the node network", $"calicoctl patch ippool {pool.Name} -p '{{\"spec\":{{\"disabled\":true}}}}'")
            .Reference("https://docs.tigera.io/calico/latest/networking/ipam/ip-pools"));
    }                                         // the diagnosis is linked: it goes when the match goes
}

/// <summary>A service the rule takes in its constructor (registered in the host's DI container).</summary>
public interface ISiteNotes
{
    string For(string node);
}
// </contributing-example>
