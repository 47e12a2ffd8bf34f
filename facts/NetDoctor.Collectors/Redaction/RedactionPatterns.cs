using System.Text.RegularExpressions;

namespace NetDoctor.Collectors.Redaction;

/// <summary>
/// Where secrets hide in what collect copies: each pattern captures a <c>head</c> to keep and a <c>value</c> to mask
/// (or matches the secret whole). The words that make a name secret are one list, used by every pattern.
/// </summary>
internal static partial class RedactionPatterns
{
    /// <summary>Words a name ends in (or, for an UPPER_CASE environment variable, contains) when its value is a secret.</summary>
    private const string Words = @"passw(?:or)?d|passphrase|token|secret|secret[_-]?access[_-]?key|private[_-]?key|api[_-]?key|access[_-]?key|client-key-data|client-certificate-data|certificate-authority-data|credentials?";

    [GeneratedRegex(@"-----BEGIN (?<label>[A-Z0-9 ]{1,64})-----.*?-----END \k<label>-----", RegexOptions.Singleline)]
    public static partial Regex PemBlock();

    /// <summary>A PEM block cut before its END line (a log's tail, a truncated paste): BEGIN and the base64 or header lines after it.</summary>
    [GeneratedRegex(@"(?<head>-----BEGIN (?<label>[A-Z0-9 ]{1,64})-----)(?<value>(?:(?:\r?\n|\\n|[ \t])[ \t]*(?:[A-Za-z0-9+/=]{4,}|(?:Proc-Type|DEK-Info): [^\r\n]*))+)")]
    public static partial Regex PemWithoutEnd();

    [GeneratedRegex(@"(?<prefix>(?:Authorization|Proxy-Authorization)[""']?\s*[:=]\s*[""']?(?:Bearer|Basic|Token)\s+)[^\s""',;]+|(?<prefix>\bBearer\s+)[A-Za-z0-9._~+/=-]{8,}", RegexOptions.IgnoreCase)]
    public static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*")]
    public static partial Regex Jwt();

    /// <summary>key (YAML/JSON key, --flag= or ENV=) whose name ends in a secret word, then ':' or '=', then the value.</summary>
    [GeneratedRegex(@"(?<key>(?<![\w-])(?:--)?[""']?[\w.-]*?(?:" + Words + @")[""']?)(?<sep>\s*[:=]\s*)(?<quote>[""']?)(?<value>[^\s""',}\]]+)", RegexOptions.IgnoreCase)]
    public static partial Regex SecretAssignment();

    /// <summary>An environment variable whose UPPER_CASE name contains a secret word anywhere (DB_PASSPHRASE_V2=…, API_KEY_ID=…).</summary>
    [GeneratedRegex(@"(?<key>(?<![\w-])[A-Z][A-Z0-9_]*?(?:PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|CREDENTIALS?|PRIVATE_KEY|API_KEY|ACCESS_KEY)[A-Z0-9_]*)(?<sep>=|:[ \t]*)(?<quote>[""']?)(?<value>[^\s""',}\]]+)")]
    public static partial Regex SecretEnvironmentName();

    /// <summary>A pod spec's environment entry "- name: DB_PASSWORD" followed by "value: ..." (the name is not the key here).</summary>
    [GeneratedRegex(@"(?<head>-\s+name:\s*[""']?[\w.-]*(?:" + Words + @")[\w.-]*[""']?[ \t]*\r?\n[ \t]+value:[ \t]*)(?<value>[^\r\n]+)", RegexOptions.IgnoreCase)]
    public static partial Regex SecretEnvVar();

    /// <summary>"--token abc" / "--password abc" (flag and value as separate words on a command line).</summary>
    [GeneratedRegex(@"(?<flag>(?<![\w-])--[\w-]*(?:passw(?:or)?d|passphrase|token|secret)(?![\w-]))(?<space>\s+)(?<value>(?!-)[^\s""']+)", RegexOptions.IgnoreCase)]
    public static partial Regex SecretFlagWithSpace();

    /// <summary>"- --password" then "- hunter2": flag and value as separate items of a YAML list (container args).</summary>
    [GeneratedRegex(@"(?<head>-[ \t]+[""']?--?[\w-]*(?:" + Words + @")[""']?[ \t]*\r?\n[ \t]*-[ \t]+)(?<value>(?!-)[^\r\n]+)", RegexOptions.IgnoreCase)]
    public static partial Regex SecretFlagListItem();

    /// <summary>"--password", "hunter2": flag and value as separate items of a JSON array.</summary>
    [GeneratedRegex(@"(?<head>[""']--?[\w-]*(?:" + Words + @")[""']\s*,\s*[""'])(?<value>(?!-)[^""'\r\n]+)", RegexOptions.IgnoreCase)]
    public static partial Regex SecretFlagArrayItem();

    /// <summary>The password of a URL's user info: postgres://admin:PW@db:5432/app.</summary>
    [GeneratedRegex(@"(?<head>\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s:/@""']+:)(?<value>[^\s/@""']+)(?=@)")]
    public static partial Regex UrlPassword();

    /// <summary>curl's -u/--user user:password (and --proxy-user), on a curl command line.</summary>
    [GeneratedRegex(@"(?<head>\bcurl\b[^\r\n]*?\s(?:-u|--user|--proxy-user|-U)(?:\s+|=)[""']?[^\s:""']+:)(?<value>[^\s""']+)")]
    public static partial Regex CurlUser();

    /// <summary>
    /// Base64 key material under a key named like a key file: ca.key, tls.key, sa.key, private_key. Material is 32+
    /// base64 characters with a digit, '+' or '/' in them (a path, or a toleration key such as CriticalAddonsOnly, is not).
    /// </summary>
    [GeneratedRegex(@"(?<head>(?<![\w.-])[""']?[\w.-]*(?:[._-]key|\bkey)[""']?[ \t]*[:=][ \t]*[""']?)(?<value>(?!/)(?=[A-Za-z]*[0-9+/])[A-Za-z0-9+/]{32,}={0,2})(?=[""'\s,}\]]|$)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    public static partial Regex KeyMaterial();
}
