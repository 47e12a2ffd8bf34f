using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;

using NetDoctor.Packs;

namespace NetDoctor.Rules.Calico.Helpers;

/// <summary>
/// The names Felix gives to what it programs, so a rule can find a Calico object's iptables chains whatever the length
/// of the object's name. The calico pack contributes it to rule expressions (`Calico.ChainName(...)`): it is Calico's
/// knowledge, not the sandbox's.
/// </summary>
[RuleHelper]
public static class Calico
{
    /// <summary>The longest chain name iptables accepts (and Felix writes).</summary>
    public const int MaxChainNameLength = 28;

    /// <summary>
    /// Felix's chain name for <paramref name="name"/> under <paramref name="prefix"/> ("cali-pri-", "cali-pro-", "cali-pi-"…):
    /// prefix + name while that fits in 28 characters; otherwise prefix + "_" + the start of the URL-safe base64 SHA-256 of
    /// the name, cut to 28 ("cali-pri-" + "ksa.calico-system.default" is "cali-pri-_og73BH3DuNOZrbBKFW"). A name of exactly
    /// the room left that itself starts with "_" is hashed too, so it cannot pass for a hash.
    /// </summary>
    [Description("The iptables chain Felix programs for a name under a prefix, hashed the way Felix hashes names over 28 characters.")]
    public static string ChainName(string prefix, string name)
    {
        if (name.Length == 0) name = "_";
        int prefixBytes = Encoding.UTF8.GetByteCount(prefix), nameBytes = Encoding.UTF8.GetByteCount(name);
        int total = prefixBytes + nameBytes;
        if (total < MaxChainNameLength || total == MaxChainNameLength && name[0] != '_') return prefix + name;
        int room = MaxChainNameLength - 1 - prefixBytes;
        if (room <= 0) return prefix + name;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(name))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return prefix + "_" + hash[..Math.Min(room, hash.Length)];
    }

    /// <summary>The chain of a profile's ingress rules (traffic to the endpoint): cali-pri-&lt;profile&gt;, hashed when long.</summary>
    [Description("The chain of a profile's ingress rules: cali-pri-<profile>, hashed when long.")]
    public static string ProfileIngressChain(string profile) => ChainName("cali-pri-", profile);

    /// <summary>The chain of a profile's egress rules (traffic from the endpoint): cali-pro-&lt;profile&gt;, hashed when long.</summary>
    [Description("The chain of a profile's egress rules: cali-pro-<profile>, hashed when long.")]
    public static string ProfileEgressChain(string profile) => ChainName("cali-pro-", profile);
}
