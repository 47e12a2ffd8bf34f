using System.Security.Cryptography;
using System.Text;

namespace NetDoctor.Lab.Tests.Lab.KubeProxy;

/// <summary>One Service port and its endpoints, e.g. default/kubernetes:https 10.96.0.1:443 -> 192.168.21.11:6443.</summary>
public sealed record ServicePort(string Namespace, string Name, string PortName, string ClusterIp, int Port, IReadOnlyList<(string Address, int Port)> Endpoints)
{
    public string PortId => $"{Namespace}/{Name}:{PortName}";

    /// <summary>kube-proxy names its chains after a base32 SHA-256 of the service port (and endpoint), 16 characters.</summary>
    public string ServiceChain => "KUBE-SVC-" + Hash(PortId + "tcp");

    public string EndpointChain((string Address, int Port) endpoint) => "KUBE-SEP-" + Hash(PortId + "tcp" + $"{endpoint.Address}:{endpoint.Port}");

    /// <summary>The 8-character hash kube-proxy's nftables mode puts in its chain names ("service-2QRHZV4L-default/kubernetes/tcp/https").</summary>
    public string Hash8 => HashOf(PortId + "tcp")[..8];

    public static string HashOf(string text) => Base32(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Hash(string text) => HashOf(text)[..16];

    private static string Base32(byte[] data)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var b = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var value in data)
        {
            buffer = (buffer << 8) | value;
            bits += 8;
            while (bits >= 5)
            {
                b.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) b.Append(alphabet[(buffer << (5 - bits)) & 31]);
        return b.ToString();
    }
}
