using System.Globalization;

namespace NetDoctor.Facts;

/// <summary>One kernel parameter of a node (`sysctl -a`): key in dotted form, value as printed (tabs between vector items).</summary>
public sealed record Sysctl : Fact
{
    public required string Key { get; init; }
    public required string Value { get; init; }

    /// <summary>The value as an integer when it is a single one ("1", "-1"); null for vectors and text.</summary>
    public long? IntValue => long.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>Convenience for on/off switches like net.ipv4.ip_forward.</summary>
    public bool IsEnabled => IntValue is > 0;

    public override string Summary => $"{Key} = {Value}";
}
