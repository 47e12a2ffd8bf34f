using System.Security.Cryptography;
using System.Text;

namespace NetDoctor.Lab.Tests.Lab.Calico;

/// <summary>Calico tags every rule it writes with a comment "cali:&lt;16 chars&gt;" derived from the rule; the lab derives its own the same way
/// so captures look like Felix's and stay stable between runs.</summary>
public static class RuleIds
{
    public static string Comment(string chain, string rule)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(chain + "|" + rule));
        return "cali:" + Convert.ToBase64String(hash).Replace('+', '-').Replace('/', '_')[..16];
    }

    /// <summary>"-A chain -m comment --comment "cali:…" rest" as Felix writes it.</summary>
    public static string Rule(string chain, string rest) => $"-A {chain} -m comment --comment \"{Comment(chain, rest)}\" {rest}";

    /// <summary>Host-side veth name as the Calico CNI plugin builds it: "cali" + the first 11 hex digits of a hash of namespace.pod.</summary>
    public static string InterfaceFor(string @namespace, string pod) =>
        "cali" + Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"{@namespace}.{pod}")))[..11];
}
