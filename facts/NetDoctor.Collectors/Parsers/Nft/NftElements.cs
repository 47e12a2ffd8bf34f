namespace NetDoctor.Collectors.Parsers.Nft;

/// <summary>Cuts "{ a, b . c : goto x, … }" into elements at top-level commas, each "key" or "key : value".</summary>
public static class NftElements
{
    public static IEnumerable<(string Key, string? Value)> Split(string braced)
    {
        var inner = braced.Trim();
        if (inner.StartsWith('{')) inner = inner[1..];
        if (inner.EndsWith('}')) inner = inner[..^1];
        int depth = 0, start = 0;
        for (int i = 0; i <= inner.Length; i++)
        {
            char c = i < inner.Length ? inner[i] : ',';
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                var element = inner[start..i].Trim();
                start = i + 1;
                if (element.Length == 0) continue;
                int colon = element.IndexOf(" : ", StringComparison.Ordinal);
                yield return colon < 0 ? (Strip(element), null) : (Strip(element[..colon]), element[(colon + 3)..].Trim());
            }
        }
    }

    /// <summary>Drops per-element options nft prints after the key ("timeout 1h expires 59m", "counter packets 0 bytes 0").</summary>
    private static string Strip(string key)
    {
        foreach (var option in new[] { " timeout ", " expires ", " counter ", " comment " })
        {
            int at = key.IndexOf(option, StringComparison.Ordinal);
            if (at > 0) key = key[..at];
        }
        return key.Trim();
    }
}
