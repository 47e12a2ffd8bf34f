namespace NetDoctor.Lab.Tests.Lab;

/// <summary>The lab needs root (namespaces, iptables) and a few tools. Without root it skips with the reason — except in CI
/// (CI=true), where a skip would hide that nothing was proven, so it fails instead.</summary>
public static class LabRequirements
{
    private static readonly string[] Tools = ["ip", "iptables-restore", "iptables-save", "ipset", "nft", "bird", "birdc", "nc", "sysctl", "timeout", "unshare"];

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Ensure()
    {
        var root = Environment.UserName == "root" || geteuid() == 0;
        if (!root)
        {
            if (InCi) throw new InvalidOperationException("network lab: CI=true but not running as root; the lab must run in CI");
            Skip.If(true, "network lab needs root (network namespaces, iptables); run ./test.sh as root to include it");
        }
        var missing = Tools.Where(t => !Shell.IsAvailable(t)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"network lab: missing tools {string.Join(", ", missing)} (./test.sh installs iproute2 iptables ipset nftables bird netcat-openbsd)");
    }

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern uint geteuid();
}
