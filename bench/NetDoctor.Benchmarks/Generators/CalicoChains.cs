namespace NetDoctor.Benchmarks.Generators;

/// <summary>
/// What Felix programs for one node in iptables: in filter, the workload dispatch chains, each local pod's from/to
/// chains that hand the packet to its namespace profile, and the profile chains (allow all: MARK then RETURN); in nat,
/// Calico's hooks and cali-nat-outgoing. Shaped after samples/healthy-calico-ipip.
/// </summary>
internal static class CalicoChains
{
    public static void AddFilter(IptablesTable filter, ClusterModel cluster, NodeModel node, PlantedFault? fault)
    {
        filter.Rule("FORWARD", "-m comment --comment \"cali:u8z6SvbfRUEnscJ1\" -j cali-FORWARD");
        filter.Rule("cali-FORWARD", "-i cali+ -m comment --comment \"cali:F3ndUzEijBBgjhip\" -j cali-from-wl-dispatch");
        filter.Rule("cali-FORWARD", "-o cali+ -m comment --comment \"cali:cveVujYuD5N5jRSL\" -j cali-to-wl-dispatch");
        filter.Rule("cali-FORWARD", "-i cali+ -m comment --comment \"cali:9XRf_4ROmqAx75I_\" -j ACCEPT");
        filter.Rule("cali-FORWARD", "-o cali+ -m comment --comment \"cali:SiiI6uhGk3XXysux\" -j ACCEPT");

        var pods = cluster.PodsOn(node).ToList();
        foreach (var pod in pods)
        {
            filter.Rule("cali-from-wl-dispatch", $"-i {pod.Interface} -m comment --comment \"{Tokens.CalicoComment("fd" + pod.Interface)}\" -g cali-fw-{pod.Interface}");
            filter.Rule("cali-to-wl-dispatch", $"-o {pod.Interface} -m comment --comment \"{Tokens.CalicoComment("td" + pod.Interface)}\" -g cali-tw-{pod.Interface}");
            Workload(filter, $"cali-fw-{pod.Interface}", FelixNames.ProfileEgress(pod.Profile));
            Workload(filter, $"cali-tw-{pod.Interface}", FelixNames.ProfileIngress(pod.Profile));
        }
        filter.Rule("cali-from-wl-dispatch", "-m comment --comment \"cali:SP7ywSSDFQs8gDev\" -j DROP");
        filter.Rule("cali-to-wl-dispatch", "-m comment --comment \"cali:wo384ownFK_jATwu\" -j DROP");

        foreach (var profile in pods.Select(p => p.Profile).Distinct())
        {
            bool dropAll = fault is not null && profile == fault.Profile;
            Profile(filter, FelixNames.ProfileIngress(profile), dropAll);
            Profile(filter, FelixNames.ProfileEgress(profile), dropAll);
        }
    }

    public static void AddNat(IptablesTable nat)
    {
        nat.Rule("PREROUTING", "-m comment --comment \"cali:2TfWQH0gVp5x1-jW\" -j cali-PREROUTING");
        nat.Rule("OUTPUT", "-m comment --comment \"cali:H8hCvu0F4h26MwVp\" -j cali-OUTPUT");
        nat.Rule("POSTROUTING", "-m comment --comment \"cali:fiYKEde7Dzg6Grno\" -j cali-POSTROUTING");
        nat.Rule("cali-OUTPUT", "-m comment --comment \"cali:nTmjYMi5Oe9GLBYZ\" -j cali-fip-dnat");
        nat.Rule("cali-POSTROUTING", "-m comment --comment \"cali:wVBTgfn9k10pw4Ij\" -j cali-fip-snat");
        nat.Rule("cali-POSTROUTING", "-m comment --comment \"cali:Un3X1VQUxjsQflIi\" -j cali-nat-outgoing");
        nat.Rule("cali-PREROUTING", "-m comment --comment \"cali:edO_NLZjKu7SQHyt\" -j cali-fip-dnat");
        nat.Chain("cali-fip-dnat").Chain("cali-fip-snat");
        nat.Rule("cali-nat-outgoing", "-m comment --comment \"cali:nufLxMR00i7mh8uN\" -m set --match-set cali40masq-ipam-pools src -m set ! --match-set cali40all-ipam-pools dst -j MASQUERADE --random-fully");
    }

    // A workload chain: established traffic passes, invalid drops, then the profile decides through the 0x10000 mark.
    private static void Workload(IptablesTable filter, string chain, string profileChain)
    {
        filter.Rule(chain, $"-m comment --comment \"{Tokens.CalicoComment(chain + "1")}\" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
        filter.Rule(chain, $"-m comment --comment \"{Tokens.CalicoComment(chain + "2")}\" -m conntrack --ctstate INVALID -j DROP");
        filter.Rule(chain, $"-m comment --comment \"{Tokens.CalicoComment(chain + "3")}\" -j MARK --set-xmark 0x0/0x10000");
        filter.Rule(chain, $"-m comment --comment \"{Tokens.CalicoComment(chain + "4")}\" -j {profileChain}");
        filter.Rule(chain, $"-m comment --comment \"{Tokens.CalicoComment(chain + "5")}\" -m mark --mark 0x10000/0x10000 -j RETURN");
        filter.Rule(chain, "-m comment --comment \"Drop if no profiles matched\" -j DROP");
    }

    // A namespace profile allows everything (MARK + RETURN); a profile that was never created is a lone DROP (incident 002).
    private static void Profile(IptablesTable filter, string chain, bool dropAll)
    {
        if (dropAll)
        {
            filter.Rule(chain, $"-m comment --comment \"{Tokens.CalicoComment(chain + "d")}\" -j DROP", "[2:120]");
            return;
        }
        filter.Rule(chain, $"-m comment --comment \"{Tokens.CalicoComment(chain + "1")}\" -j MARK --set-xmark 0x10000/0x10000");
        filter.Rule(chain, $"-m comment --comment \"{Tokens.CalicoComment(chain + "2")}\" -m mark --mark 0x10000/0x10000 -j RETURN");
    }
}
