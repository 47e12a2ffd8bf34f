using NetDoctor.Facts;
using NetDoctor.Packs.Expressions.Helpers;
using static NetDoctor.Packs.Expressions.Functions.HelperFunctions;

namespace NetDoctor.Packs.Expressions.Functions;

/// <summary>
/// The rows of <see cref="HelperFunctions.BuiltIn"/>: every helper the shared sandbox offers, one line of documentation
/// each. A public method of Net, Text or Regex that is not listed here cannot be called from a rule.
/// </summary>
internal static class BuiltInFunctions
{
    private const string NetCategory = "net", TextCategory = "text", RegexCategory = "regex";

    public static IReadOnlyList<HelperFunction> All { get; } =
    [
        Function(() => Net.Contains(default, default(System.Net.IPAddress)), NetCategory, "True when the address is inside the CIDR (false for a missing address)."),
        Function(() => Net.Contains(default, default(Cidr)), NetCategory, "True when the second CIDR lies inside the first."),
        Function(() => Net.Contains(default(string)!, default(string)!), NetCategory, "The same for CIDRs or addresses written as text; false when either does not parse."),
        Function(() => Net.Overlaps(default, default(Cidr)), NetCategory, "True when the two CIDRs share at least one address."),
        Function(() => Net.Overlaps(default(string)!, default(string)!), NetCategory, "The same for CIDRs written as text; false when either does not parse."),
        Function(() => Net.ParseCidr(default), NetCategory, "Parses \"10.96.0.0/12\", \"10.0.0.1\" or \"default\"; unparsable text gives 0.0.0.0/32."),
        Function(() => Net.IsCidr(default), NetCategory, "True when the text parses as a CIDR or an address."),
        Function(() => Net.ParseIp(default), NetCategory, "Parses an address; null when the text is not one."),
        Function(() => Net.IsIPv4(default), NetCategory, "True for an IPv4 address."),
        Function(() => Net.IsIPv6(default), NetCategory, "True for an IPv6 address."),
        Function(() => Net.IsLoopback(default), NetCategory, "True for 127.0.0.0/8 or ::1."),
        Function(() => Net.SameNetwork(default, default), NetCategory, "True when both CIDRs have the same network and length (10.0.0.5/24 and 10.0.0.0/24)."),
        Function(() => Net.SameAddress(default, default), NetCategory, "True when both addresses are present and equal."),
        Function(() => Net.Supernet(default), NetCategory, "The smallest prefix holding every CIDR of the first one's family (10.244.0.0/24, 10.244.3.0/24 give 10.244.0.0/22)."),

        Function(() => Text.IsEmpty(default), TextCategory, "True for null, empty or whitespace-only text."),
        Function(() => Text.ContainsIgnoreCase(default, default), TextCategory, "True when the text contains the part, ignoring case; false when either is null."),
        Function(() => Text.EqualsIgnoreCase(default, default), TextCategory, "Ordinal equality ignoring case (two nulls are equal)."),
        Function(() => Text.StartsWithAny(default, default!), TextCategory, "True when the text starts with one of the prefixes."),
        Function(() => Text.Join(default!, default(IEnumerable<string?>)), TextCategory, "The items joined with the separator (\"\" for a missing list)."),
        Function(() => Text.Join(default!, default(IEnumerable<object?>)), TextCategory, "The items' text joined with the separator (\"\" for a missing list)."),
        Function(() => Text.Split(default, default!), TextCategory, "The text split at the separator, parts trimmed, empty parts dropped."),
        Function(() => Text.Lower(default), TextCategory, "The text in lower case (\"\" for null)."),
        Function(() => Text.OrEmpty(default), TextCategory, "The text, or \"\" when it is null."),
        Function(() => Text.Count(default, default!), TextCategory, "A count with its noun in the right number: Count(6, \"log line\") is \"6 log lines\"."),
        Function(() => Text.Count(default, default!, default!), TextCategory, "A count with an irregular plural: Count(2, \"address\", \"addresses\")."),

        Function(() => Helpers.Regex.IsMatch(default, default!), RegexCategory, "True when the pattern matches the text (checked at load, 200 ms timeout per match)."),
        Function(() => Helpers.Regex.Match(default, default!), RegexCategory, "The first capture group (or the whole match when there is none); null when it does not match."),
    ];
}
