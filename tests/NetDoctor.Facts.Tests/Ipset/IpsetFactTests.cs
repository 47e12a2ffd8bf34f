namespace NetDoctor.Facts.Tests.Ipset;

public sealed class IpsetFactTests
{
    [Fact]
    public void Set_and_member_summaries()
    {
        var at = new Source("k8s01/ipset-list.txt", 1);
        var set = new IpSet { Name = "cali40all-ipam-pools", Type = "hash:net", Dimensions = [IpSetDimension.Net], NumberOfEntries = 2, Source = at };
        set.Summary.ShouldBe("cali40all-ipam-pools hash:net (2 entries)");
        set.HasDimension(IpSetDimension.Net).ShouldBeTrue();
        set.HasDimension(IpSetDimension.Port).ShouldBeFalse();
        new IpSetMember { Set = "cali40all-ipam-pools", Entry = "10.244.0.0/16", NoMatch = true, Source = at }.Summary
            .ShouldBe("cali40all-ipam-pools 10.244.0.0/16 nomatch");
    }
}
