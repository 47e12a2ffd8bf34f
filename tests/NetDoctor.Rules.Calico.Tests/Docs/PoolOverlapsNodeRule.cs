// CONTRIBUTING.md §6 quotes this file between the markers; ContributingExampleTests keeps the two identical.
// <contributing-example>
using NetDoctor.Engine;              // rule.Id(), rule.Severity(), rule.Title(): NetDoctor's metadata on an NRules rule
using NetDoctor.Facts;               // the fact types (IpPool, InterfaceAddress, Route, ...)
using NetDoctor.Packs.Diagnoses;     // Diagnosis, Evidence, RemediationStep: what YAML rules report, too
using NRules.Fluent.Dsl;             // NRules' DSL: Rule, [Name], [Description], [Tag], [Priority]
using NRules.RuleModel;              // IRuleDefinition

namespace NetDoctor.Rules.Calico.Tests.Docs;

[Name("example/pool-overlaps-node"), Description("IP pool overlaps a node network")]
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
        Then().Yield(ctx => Report(ctx.Rule, pool, addr, routes.Count(), notes.For(addr.Node!)));
    }                                         // a yielded fact is linked: it goes when the match goes

    private static Diagnosis Report(IRuleDefinition rule, IpPool pool, InterfaceAddress addr, int routes, string note) => new(
        rule.Id(), rule.Severity(), rule.Title(),
        $"IP pool {pool.Name} ({pool.Cidr}) contains {addr.Address.Address} of {addr.Interface} on node {addr.Node} " +
        $"({routes} routes, none default). {note}",
        addr.Node,
        [new Evidence("IpPool", pool.Summary, pool.Source.ToString()), new Evidence("InterfaceAddress", addr.Summary, addr.Source.ToString())],
        [new RemediationStep($"Move the pool off the node network", $"calicoctl patch ippool {pool.Name} -p '{{\"spec\":{{\"disabled\":true}}}}'")],
        []);
}

/// <summary>A service the rule takes in its constructor (registered in the host's DI container).</summary>
public interface ISiteNotes
{
    string For(string node);
}
// </contributing-example>
