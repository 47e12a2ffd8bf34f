using System.Globalization;
using System.Net;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Ipvsadm;

/// <summary>
/// `ipvsadm -Ln` (the table: a service line, then "  -> real:port Forward Weight ActiveConn InActConn" lines)
/// and `ipvsadm -Sn` (the restore format: "-A -t vip:port -s rr [-p N]" / "-a -t vip:port -r real:port -m -w 1").
/// Both may be mixed in one file; each line is read on its own form.
/// </summary>
public sealed class IpvsadmParser : IFormatParser
{
    /// <summary>ipvsadm lines are short; a longer one is damage, and rejecting it early keeps a 10 MB line cheap.</summary>
    private const int MaxLine = 1024;

    public string Kind => "ipvsadm";

    public int Sniff(string fileName, string head)
    {
        if (Path.GetFileName(fileName) is "ipvsadm.txt" or "ipvsadm-save.txt") return 100;
        if (head.Contains("IP Virtual Server version", StringComparison.Ordinal)) return 95;
        foreach (var line in head.Split('\n').Take(5))
        {
            var t = line.TrimStart();
            if (t.StartsWith("-A -t ", StringComparison.Ordinal) || t.StartsWith("-A -u ", StringComparison.Ordinal) || t.StartsWith("-A -f ", StringComparison.Ordinal))
                return 80;
        }
        return 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        IpvsService? service = null;
        foreach (var (number, raw) in TextLines.Split(input.Text))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("IP Virtual Server", StringComparison.Ordinal) ||
                line.StartsWith("Prot LocalAddress", StringComparison.Ordinal) || line.StartsWith("-> RemoteAddress", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.Length > MaxLine)
            {
                result.Problem(input.At(number), $"line of {line.Length} characters is too long to be ipvsadm output: {Snippet.Of(line)}");
                continue;
            }
            var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            string? error;
            if (tokens[0] == "->")
            {
                if (service is null) error = "real server line before any service";
                else error = ReadTableDestination(tokens, service, input, number, result);
            }
            else if (tokens[0] is "-A" or "--add-service")
            {
                error = ReadSaveService(tokens, input, number, result, out service);
            }
            else if (tokens[0] is "-a" or "--add-server")
            {
                error = ReadSaveDestination(tokens, input, number, result);
            }
            else
            {
                error = ReadTableService(tokens, input, number, result, out var read);
                // A malformed service line owns the real servers below it; a line that is no service at all does not.
                if (read is not null || IsProtocol(tokens[0])) service = read;
            }
            if (error is not null) result.Problem(input.At(number), $"{error}: {Snippet.Of(line)}");
        }
        return result;
    }

    private static string? ReadTableService(string[] t, ParseInput input, int number, ParseResult result, out IpvsService? service)
    {
        service = null;
        if (t.Length < 3) return "not an IPVS service line";
        IpvsProtocol protocol;
        switch (t[0])
        {
            case "TCP": protocol = IpvsProtocol.Tcp; break;
            case "UDP": protocol = IpvsProtocol.Udp; break;
            case "SCTP": protocol = IpvsProtocol.Sctp; break;
            case "FWM": protocol = IpvsProtocol.Fwm; break;
            default: return "not an IPVS service line";
        }
        IPAddress? address = null;
        int port = 0;
        int? mark = null;
        if (protocol == IpvsProtocol.Fwm)
        {
            if (!int.TryParse(t[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return "firewall mark is not a number";
            mark = m;
        }
        else if (!IpvsEndpoint.TryParse(t[1], out var a, out port))
        {
            return "service address is not address:port";
        }
        else
        {
            address = a;
        }

        int? persistence = null;
        int p = Array.IndexOf(t, "persistent");
        if (p > 0 && p + 1 < t.Length && int.TryParse(t[p + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) persistence = seconds;
        service = new IpvsService
        {
            Source = input.At(number),
            Node = input.Node,
            Protocol = protocol,
            Address = address,
            Port = port,
            FirewallMark = mark,
            Scheduler = t[2],
            PersistenceTimeout = persistence,
        };
        result.Add(service);
        return null;
    }

    private static string? ReadTableDestination(string[] t, IpvsService service, ParseInput input, int number, ParseResult result)
    {
        if (t.Length < 6) return "real server line has fewer than 5 columns";
        if (!IpvsEndpoint.TryParse(t[1], out var address, out var port)) return "real server is not address:port";
        if (!TryInt(t[3], out var weight) || !TryInt(t[4], out var active) || !TryInt(t[5], out var inactive)) return "weight or connection counts are not numbers";
        result.Add(new IpvsDestination
        {
            Source = input.At(number),
            Node = input.Node,
            ServiceProtocol = service.Protocol,
            ServiceAddress = service.Address,
            ServicePort = service.Port,
            ServiceFirewallMark = service.FirewallMark,
            Address = address,
            Port = port,
            Forwarding = Forwarding(t[2]),
            Weight = weight,
            ActiveConnections = active,
            InactiveConnections = inactive,
        });
        return null;
    }

    private static string? ReadSaveService(string[] t, ParseInput input, int number, ParseResult result, out IpvsService? service)
    {
        service = null;
        var options = SaveOptions.Read(t);
        if (options.Error is not null) return options.Error;
        service = new IpvsService
        {
            Source = input.At(number),
            Node = input.Node,
            Protocol = options.Protocol,
            Address = options.Address,
            Port = options.Port,
            FirewallMark = options.Mark,
            Scheduler = options.Scheduler ?? "wlc",
            PersistenceTimeout = options.Persistence,
        };
        result.Add(service);
        return null;
    }

    private static string? ReadSaveDestination(string[] t, ParseInput input, int number, ParseResult result)
    {
        var options = SaveOptions.Read(t);
        if (options.Error is not null) return options.Error;
        if (options.Real is null) return "-a without -r real-server";
        result.Add(new IpvsDestination
        {
            Source = input.At(number),
            Node = input.Node,
            ServiceProtocol = options.Protocol,
            ServiceAddress = options.Address,
            ServicePort = options.Port,
            ServiceFirewallMark = options.Mark,
            Address = options.Real,
            Port = options.RealPort,
            Forwarding = options.Forwarding,
            Weight = options.Weight,
        });
        return null;
    }

    private static bool IsProtocol(string word) => word is "TCP" or "UDP" or "SCTP" or "FWM";

    private static IpvsForwarding Forwarding(string text) => text switch
    {
        "Masq" => IpvsForwarding.Masq,
        "Route" or "Local" => IpvsForwarding.Route,
        "Tunnel" => IpvsForwarding.Tunnel,
        _ => IpvsForwarding.Unknown,
    };

    private static bool TryInt(string text, out int value) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);


    /// <summary>The options of one -A / -a line of `ipvsadm -S`.</summary>
    private sealed class SaveOptions
    {
        public string? Error;
        public IpvsProtocol Protocol;
        public IPAddress? Address;
        public int Port;
        public int? Mark;
        public string? Scheduler;
        public int? Persistence;
        public IPAddress? Real;
        public int RealPort;
        public IpvsForwarding Forwarding = IpvsForwarding.Route;
        public int Weight = 1;

        public static SaveOptions Read(string[] t)
        {
            var o = new SaveOptions();
            bool haveService = false;
            for (int i = 1; i < t.Length; i++)
            {
                string? Next() => i + 1 < t.Length ? t[++i] : null;
                switch (t[i])
                {
                    case "-t" or "--tcp-service" or "-u" or "--udp-service" or "--sctp-service":
                        o.Protocol = t[i] is "-t" or "--tcp-service" ? IpvsProtocol.Tcp : t[i] is "--sctp-service" ? IpvsProtocol.Sctp : IpvsProtocol.Udp;
                        if (Next() is not { } ep || !IpvsEndpoint.TryParse(ep, out var a, out o.Port)) return o.Fail("service address is not address:port");
                        o.Address = a;
                        haveService = true;
                        break;
                    case "-f" or "--fwmark-service":
                        o.Protocol = IpvsProtocol.Fwm;
                        if (!TryInt(Next() ?? "", out var mark)) return o.Fail("firewall mark is not a number");
                        o.Mark = mark;
                        haveService = true;
                        break;
                    case "-s" or "--scheduler":
                        o.Scheduler = Next();
                        break;
                    case "-p" or "--persistent":
                        // The timeout is optional; ipvsadm's default is 300 s.
                        if (i + 1 < t.Length && TryInt(t[i + 1], out var seconds))
                        {
                            o.Persistence = seconds;
                            i++;
                        }
                        else
                        {
                            o.Persistence = 300;
                        }

                        break;
                    case "-r" or "--real-server":
                        var real = Next() ?? "";
                        if (IpvsEndpoint.TryParse(real, out var r, out o.RealPort)) o.Real = r;
                        else if (IPAddress.TryParse(real, out r)) o.Real = r;
                        else return o.Fail("real server is not address:port");
                        break;
                    case "-m" or "--masquerading": o.Forwarding = IpvsForwarding.Masq; break;
                    case "-g" or "--gatewaying": o.Forwarding = IpvsForwarding.Route; break;
                    case "-i" or "--ipip": o.Forwarding = IpvsForwarding.Tunnel; break;
                    case "-w" or "--weight":
                        if (!TryInt(Next() ?? "", out o.Weight)) return o.Fail("weight is not a number");
                        break;
                    default:
                        // Options NetDoctor does not use (-M netmask, -b flags, -x/-y thresholds, --pe) take one value.
                        if (t[i].StartsWith('-') && i + 1 < t.Length && !t[i + 1].StartsWith('-')) i++;
                        break;
                }
            }
            return haveService ? o : o.Fail("no -t/-u/-f service");
        }

        private SaveOptions Fail(string message)
        {
            Error = message;
            return this;
        }
    }
}
