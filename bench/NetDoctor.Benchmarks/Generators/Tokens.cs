namespace NetDoctor.Benchmarks.Generators;

/// <summary>
/// Deterministic pseudo-random names (Calico rule comments, interface names, kube-proxy chain hashes): the same shape
/// always generates the same bundle, byte for byte, so runs are comparable.
/// </summary>
internal static class Tokens
{
    public const string Base64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    public const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    public const string Hex = "0123456789abcdef";

    public static string Of(string seed, int length, string alphabet)
    {
        ulong x = 1469598103934665603UL;
        foreach (char c in seed)
        {
            x = (x ^ c) * 1099511628211UL;
        }
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            // xorshift64*: cheap, and good enough that neighbouring seeds do not share prefixes.
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            chars[i] = alphabet[(int)((x * 2685821657736338717UL) >> 58) % alphabet.Length];
        }
        return new string(chars);
    }

    /// <summary>A Calico rule comment: "cali:" and 16 URL-safe base64 characters.</summary>
    public static string CalicoComment(string seed) => "cali:" + Of(seed, 16, Base64Url);
}
