namespace NetDoctor.Facts.Tests.Text;

public sealed class TextSliceTests
{
    [Fact]
    public void A_slice_reads_as_its_characters_and_compares_by_content()
    {
        var dump = "[0:0] -A INPUT -j ACCEPT\n-A INPUT -j ACCEPT\n";
        var first = new TextSlice(dump, 6, 18);
        var second = new TextSlice(dump, 25, 18);
        first.ToString().ShouldBe("-A INPUT -j ACCEPT");
        first.Length.ShouldBe(18);
        first.ShouldBe(second);
        (first == second).ShouldBeTrue();
        first.GetHashCode().ShouldBe(second.GetHashCode());
        first.ShouldBe(new TextSlice("-A INPUT -j ACCEPT"));
        first.ShouldNotBe(new TextSlice(dump, 6, 17));
    }

    [Fact]
    public void A_whole_string_is_returned_as_is_and_the_default_is_empty()
    {
        var text = "-A INPUT -j DROP";
        ReferenceEquals(new TextSlice(text).ToString(), text).ShouldBeTrue();
        default(TextSlice).ToString().ShouldBe("");
        default(TextSlice).ShouldBe(new TextSlice(""));
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(0, -1)]
    [InlineData(3, 2)]
    [InlineData(5, 0)]
    public void A_slice_outside_its_source_is_refused(int start, int length) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new TextSlice("abcd", start, length));
}
