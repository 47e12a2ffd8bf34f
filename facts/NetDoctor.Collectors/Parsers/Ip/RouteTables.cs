using System.Globalization;

namespace NetDoctor.Collectors.Parsers.Ip;

/// <summary>The reserved routing table names of /etc/iproute2/rt_tables and their ids.</summary>
internal static class RouteTables
{
    public static int? IdOf(string table) => table switch
    {
        "main" => 254,
        "local" => 255,
        "default" => 253,
        "unspec" => 0,
        _ => int.TryParse(table, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null,
    };

    /// <summary>ip prints the reserved tables by name; a numeric id of one of them is normalised to that name.</summary>
    public static string Normalise(string table) => table switch
    {
        "254" => "main",
        "255" => "local",
        "253" => "default",
        _ => table,
    };
}
