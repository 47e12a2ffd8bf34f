using System.Text.RegularExpressions;

namespace NetDoctor.Collectors.Redaction;

/// <summary>
/// Masks secrets in collected text before anything is written: bearer tokens and JWTs, PEM certificates and keys (also
/// a block cut before its END line), base64 key material under key-file names (tls.key), kubeconfig credentials (a
/// kubeconfig is reduced to its server URLs), passwords/secrets/tokens given as flags (also as separate list items),
/// environment variables or YAML/JSON keys, passwords in URLs and in curl's -u, and the data of Kubernetes Secret objects.
/// IP addresses and CIDRs are never touched: the diagnoses are made of them.
/// </summary>
public static class Redactor
{
    public const string Mask = "<redacted>";

    public static RedactionResult Redact(string text)
    {
        if (string.IsNullOrEmpty(text)) return new RedactionResult(text, 0);
        if (KubeconfigReducer.LooksLikeKubeconfig(text)) return KubeconfigReducer.Reduce(text);

        var pass = new Pass(text);
        // Cheap substring checks first: a 40 MB iptables dump with no secret-ish word skips every regex.
        if (Has(text, "-----BEGIN "))
        {
            pass.Replace(RedactionPatterns.PemBlock(), m => MaskedPem(m.Groups["label"].Value), m => m.Value == MaskedPem(m.Groups["label"].Value));
            pass.Mask(RedactionPatterns.PemWithoutEnd(), m => "\n");
        }
        if (Has(text, "bearer") || Has(text, "authorization"))
            pass.Replace(RedactionPatterns.AuthorizationHeader(), m => m.Groups["prefix"].Value + Mask);
        if (text.Contains("eyJ", StringComparison.Ordinal))
            pass.Replace(RedactionPatterns.Jwt(), _ => Mask);
        if (SecretWords.Any(w => Has(text, w)))
        {
            pass.Mask(RedactionPatterns.SecretFlagListItem());
            pass.Mask(RedactionPatterns.SecretFlagArrayItem());
            pass.Replace(RedactionPatterns.SecretAssignment(), m => m.Groups["key"].Value + m.Groups["sep"].Value + m.Groups["quote"].Value + Mask,
                m => IsPlaceholder(m.Groups["value"].Value));
            pass.Replace(RedactionPatterns.SecretEnvironmentName(), m => m.Groups["key"].Value + m.Groups["sep"].Value + m.Groups["quote"].Value + Mask,
                m => IsPlaceholder(m.Groups["value"].Value) || IsPathSetting(m.Groups["key"].Value, m.Groups["value"].Value));
            pass.Mask(RedactionPatterns.SecretEnvVar(), trim: true);
            pass.Replace(RedactionPatterns.SecretFlagWithSpace(), m => m.Groups["flag"].Value + m.Groups["space"].Value + Mask,
                m => IsPlaceholder(m.Groups["value"].Value));
        }
        if (Has(text, "key")) pass.Mask(RedactionPatterns.KeyMaterial());
        if (text.Contains("://", StringComparison.Ordinal) && text.Contains('@')) pass.Mask(RedactionPatterns.UrlPassword());
        if (Has(text, "curl")) pass.Mask(RedactionPatterns.CurlUser());
        if (pass.Text.Contains("Secret", StringComparison.Ordinal))
        {
            var (masked, n) = SecretObjectData.Redact(pass.Text);
            pass.Set(masked, n);
        }
        return new RedactionResult(pass.Text, pass.Count);
    }

    private static readonly string[] SecretWords = ["token", "passw", "passphrase", "secret", "key", "credential"];

    private static string MaskedPem(string label) => $"-----BEGIN {label}-----\n{Mask}\n-----END {label}-----";

    private static bool Has(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);

    internal static bool IsPlaceholder(string value) =>
        value.Length == 0 || value is Mask or "<censored>" or "null" or "~" or "true" or "false" or "\"\"" or "''";

    /// <summary>TOKEN_FILE=/var/run/secrets/…: the variable names where the secret is, not the secret.</summary>
    private static bool IsPathSetting(string name, string value) =>
        value.StartsWith('/') && (name.EndsWith("_FILE", StringComparison.Ordinal) || name.EndsWith("_PATH", StringComparison.Ordinal) || name.EndsWith("_DIR", StringComparison.Ordinal));

    /// <summary>The text being redacted and the number of secrets masked so far.</summary>
    private sealed class Pass(string text)
    {
        public string Text { get; private set; } = text;

        public int Count { get; private set; }

        public void Replace(Regex pattern, Func<Match, string> replacement, Func<Match, bool>? keep = null) =>
            Text = pattern.Replace(Text, m =>
            {
                if (keep?.Invoke(m) == true) return m.Value;
                Count++;
                return replacement(m);
            });

        /// <summary>Keeps the <c>head</c> group and masks the <c>value</c> group (placeholders stay as they are).</summary>
        public void Mask(Regex pattern, Func<Match, string>? separator = null, bool trim = false) =>
            Replace(pattern, m => m.Groups["head"].Value + (separator?.Invoke(m) ?? "") + Redactor.Mask,
                m => IsPlaceholder(trim ? m.Groups["value"].Value.Trim() : m.Groups["value"].Value));

        public void Set(string text, int masked)
        {
            Text = text;
            Count += masked;
        }
    }
}
