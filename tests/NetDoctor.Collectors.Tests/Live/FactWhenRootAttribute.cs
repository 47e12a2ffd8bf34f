namespace NetDoctor.Collectors.Tests.Live;

/// <summary>
/// A fact that needs root (network namespaces, iptables). Skipped with a reason when not root — except in CI
/// (CI=true), where it always runs so that a missing privilege fails loudly instead of hiding the test.
/// </summary>
public sealed class FactWhenRootAttribute : FactAttribute
{
    public FactWhenRootAttribute()
    {
        bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!OperatingSystem.IsLinux())
            Skip = "needs Linux network namespaces";
        else if (!Environment.IsPrivilegedProcess && !ci)
            Skip = "needs root to create a network namespace; run the tests as root (or with CI=true, where it must run)";
    }
}
