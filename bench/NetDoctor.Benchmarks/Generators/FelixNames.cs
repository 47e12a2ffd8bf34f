using System.Security.Cryptography;
using System.Text;

namespace NetDoctor.Benchmarks.Generators;

/// <summary>
/// Names Felix gives to what it programs. Written here from Felix's rules rather than taken from the calico pack's
/// helper, so a bundle generated with a wrong idea of the hash would show up as a diagnosis instead of agreeing with it.
/// </summary>
internal static class FelixNames
{
    private const int MaxChainName = 28;

    /// <summary>prefix + name while it fits in iptables' 28 characters; else prefix + "_" + URL-safe base64 SHA-256, cut to 28.</summary>
    public static string Chain(string prefix, string name)
    {
        if (prefix.Length + name.Length <= MaxChainName && !name.StartsWith('_')) return prefix + name;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(name))).Replace('+', '-').Replace('/', '_');
        return (prefix + "_" + hash)[..MaxChainName];
    }

    public static string ProfileIngress(string profile) => Chain("cali-pri-", profile);

    public static string ProfileEgress(string profile) => Chain("cali-pro-", profile);

    /// <summary>The host side of a pod's veth: "cali" and 11 hex digits (Calico hashes the workload's id).</summary>
    public static string Interface(string podKey) => "cali" + Tokens.Of(podKey, 11, Tokens.Hex);
}
