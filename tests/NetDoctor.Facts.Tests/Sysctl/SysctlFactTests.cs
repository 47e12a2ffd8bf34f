namespace NetDoctor.Facts.Tests.Sysctls;

public sealed class SysctlFactTests
{
    [Theory]
    [InlineData("1", 1L, true)]
    [InlineData("0", 0L, false)]
    [InlineData("-1", -1L, false)]
    [InlineData("32768\t60999", null, false)]
    [InlineData("bbr", null, false)]
    public void Integer_values_and_switches(string value, long? expected, bool enabled)
    {
        var s = new Facts.Sysctl { Key = "net.ipv4.ip_forward", Value = value, Source = new("n/sysctl.txt", 1) };
        s.IntValue.ShouldBe(expected);
        s.IsEnabled.ShouldBe(enabled);
        s.Summary.ShouldBe($"net.ipv4.ip_forward = {value}");
    }
}
