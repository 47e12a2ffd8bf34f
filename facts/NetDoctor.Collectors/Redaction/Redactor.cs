using System.Text.RegularExpressions;

namespace NetDoctor.Collectors.Redaction;

/// <summary>
/// Masks secrets in collected text before anything is written: bearer tokens and JWTs, PEM certificates and keys,
/// kubeconfig credentials (a kubeconfig is reduced to its server URLs), passwords/secrets/tokens given as flags,
/// environment variables or YAML/JSON keys, and the data of Kubernetes Secret objects.
/// IP addresses and CIDRs are never touched: the diagnoses are made of them.
/// </summary>
public static partial class Redactor
{
    public const string Mask = "<redacted>";

    public static RedactionResult Redact(string text)
    {
        if (string.IsNullOrEmpty(text)) return new RedactionResult(text, 0);
        if (KubeconfigReducer.LooksLikeKubeconfig(text)) return KubeconfigReducer.Reduce(text);

        int count = 0;
        string result = text;
        // Cheap substring checks first: a 40 MB iptables dump with no secret-ish word skips every regex.
        if (Has(result, "-----BEGIN "))
            result = PemBlock().Replace(result, m =>
            {
                count++;
                return $"-----BEGIN {m.Groups["label"].Value}-----\n{Mask}\n-----END {m.Groups["label"].Value}-----";
            });
        if (Has(result, "bearer") || Has(result, "authorization"))
            result = AuthorizationHeader().Replace(result, m => { count++; return m.Groups["prefix"].Value + Mask; });
        if (result.Contains("eyJ", StringComparison.Ordinal))
            result = Jwt().Replace(result, _ => { count++; return Mask; });
        if (SecretWords.Any(w => Has(result, w)))
        {
            result = SecretAssignment().Replace(result, m =>
            {
                string value = m.Groups["value"].Value;
                if (IsPlaceholder(value)) return m.Value;
                count++;
                return m.Groups["key"].Value + m.Groups["sep"].Value + m.Groups["quote"].Value + Mask;
            });
            result = SecretEnvVar().Replace(result, m =>
            {
                if (IsPlaceholder(m.Groups["value"].Value.Trim())) return m.Value;
                count++;
                return m.Groups["head"].Value + Mask;
            });
            result = SecretFlagWithSpace().Replace(result, m =>
            {
                if (IsPlaceholder(m.Groups["value"].Value)) return m.Value;
                count++;
                return m.Groups["flag"].Value + m.Groups["space"].Value + Mask;
            });
        }
        if (result.Contains("Secret", StringComparison.Ordinal))
        {
            var (masked, n) = SecretObjectData.Redact(result);
            result = masked;
            count += n;
        }
        return new RedactionResult(result, count);
    }

    private static readonly string[] SecretWords = ["token", "passw", "secret", "key", "credential"];

    private static bool Has(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);

    internal static bool IsPlaceholder(string value) =>
        value.Length == 0 || value is Mask or "<censored>" or "null" or "~" or "true" or "false" or "\"\"" or "''";

    [GeneratedRegex(@"-----BEGIN (?<label>[A-Z0-9 ]{1,64})-----.*?-----END \k<label>-----", RegexOptions.Singleline)]
    private static partial Regex PemBlock();

    [GeneratedRegex(@"(?<prefix>(?:Authorization|Proxy-Authorization)[""']?\s*[:=]\s*[""']?(?:Bearer|Basic|Token)\s+)[^\s""',;]+|(?<prefix>\bBearer\s+)[A-Za-z0-9._~+/=-]{8,}", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();

    // key (YAML/JSON key, --flag= or ENV=) whose name ends in a secret-ish word, then ':' or '=', then the value.
    [GeneratedRegex(
        @"(?<key>(?<![\w-])(?:--)?[""']?[\w.-]*?(?:token|passw(?:or)?d|secret|secret[_-]?access[_-]?key|private[_-]?key|api[_-]?key|client-key-data|client-certificate-data|certificate-authority-data|credentials?)[""']?)(?<sep>\s*[:=]\s*)(?<quote>[""']?)(?<value>[^\s""',}\]]+)",
        RegexOptions.IgnoreCase)]
    private static partial Regex SecretAssignment();

    // A pod spec's environment entry "- name: DB_PASSWORD" followed by "value: ..." (the name is not the key here).
    [GeneratedRegex(@"(?<head>-\s+name:\s*[""']?[\w.-]*(?:token|passw(?:or)?d|secret|private[_-]?key|api[_-]?key|access[_-]?key|credentials?)[\w.-]*[""']?[ \t]*\r?\n[ \t]+value:[ \t]*)(?<value>[^\r\n]+)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretEnvVar();

    // "--token abc" / "--password abc" (flag and value as separate words on a command line).
    [GeneratedRegex(@"(?<flag>(?<![\w-])--[\w-]*(?:token|passw(?:or)?d|secret)(?![\w-]))(?<space>\s+)(?<value>(?!-)[^\s""']+)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretFlagWithSpace();
}
