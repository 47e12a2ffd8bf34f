using NetDoctor.Packs.Output;

namespace NetDoctor.Packs.Tests.Output;

/// <summary>The one notation for characters a terminal would obey or hide (docs/output-formats.md).</summary>
public class SafeTextTests
{
    [Theory]
    [InlineData("\u001b", @"\e")]
    [InlineData("\u0007", @"\a")]
    [InlineData("\b", @"\b")]
    [InlineData("\f", @"\f")]
    [InlineData("\v", @"\v")]
    [InlineData("\r", @"\r")]
    [InlineData("\0", @"\0")]
    [InlineData("\u0001", @"\x01")]
    [InlineData("\u007f", @"\x7F")]
    [InlineData("\u009b", @"\u009B")]          // C1 CSI: a one-character ESC [
    [InlineData("\u0085", @"\u0085")]          // NEL
    [InlineData("\u202e", @"\u202E")]          // right-to-left override
    [InlineData("\u2066", @"\u2066")]          // left-to-right isolate
    [InlineData("\u200b", @"\u200B")]          // zero-width space
    [InlineData("\ufeff", @"\uFEFF")]
    [InlineData("\u2028", @"\u2028")]          // line separator
    [InlineData("\U000E0041", @"\U000E0041")]  // a tag character (invisible, above the BMP)
    public void Each_hidden_character_has_one_visible_escape(string hidden, string shown)
    {
        SafeText.Escape("a" + hidden + "b").ShouldBe("a" + shown + "b");
        SafeText.HasUnsafe(hidden).ShouldBeTrue();
        SafeText.Found("x" + hidden + hidden).ShouldBe([shown]);
    }

    [Theory]
    [InlineData(@"iptables -t nat -A POSTROUTING -m comment --comment ""a\b"" -j MASQUERADE")]
    [InlineData("calicoctl patch ippool default-ipv4-ippool -p '{\"spec\":{\"disabled\":true}}'")]
    [InlineData("kubectl -n kube-system logs calico-node-7kvkf | grep 'übung 中 🚀'")]
    public void Normal_text_is_returned_as_it_is(string text)
    {
        SafeText.Escape(text, SafeText.Keep.Nothing).ShouldBeSameAs(text);
        SafeText.HasUnsafe(text).ShouldBeFalse();
        SafeText.Found(text).ShouldBeEmpty();
    }

    [Fact]
    public void Tabs_and_line_breaks_are_kept_only_where_they_are_layout()
    {
        SafeText.Escape("a\tb\nc\r\nd").ShouldBe("a\tb\nc\nd");
        SafeText.Escape("a\tb\nc\r\nd", SafeText.Keep.Tab).ShouldBe(@"a	b\nc\r\nd");
        SafeText.Escape("a\tb\nc", SafeText.Keep.Nothing).ShouldBe(@"a\tb\nc");
        // A command is one line: a TAB (completion) or LF (runs the first half) in it makes it unsafe to paste.
        SafeText.HasUnsafe("ls\tx").ShouldBeTrue();
        SafeText.HasUnsafe("ls\nrm").ShouldBeTrue();
        SafeText.HasUnsafe("ls\nrm", SafeText.Keep.Prose).ShouldBeFalse();
    }

    [Fact]
    public void A_lone_surrogate_is_shown_by_its_code() // (a Fact: xUnit cannot pass a lone surrogate as InlineData)
    {
        SafeText.Escape("a\ud800b").ShouldBe(@"a\uD800b");
        SafeText.Escape("b\udc00").ShouldBe(@"b\uDC00");
    }

    [Fact]
    public void A_carriage_return_never_hides_the_start_of_a_line()
    {
        SafeText.Escape("rm -rf /\u001b[2K\recho ok").ShouldBe(@"rm -rf /\e[2K\recho ok");
        SafeText.Escape("rm -rf /\recho ok", SafeText.Keep.Prose).ShouldBe(@"rm -rf /\recho ok");
        SafeText.Found("rm -rf /\u001b[2K\recho ok").ShouldBe([@"\e", @"\r"]);
    }

    [Fact]
    public void Escaping_twice_changes_nothing_more()
    {
        string once = SafeText.Escape("\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\ \u202e\u0007");
        once.ShouldBe(@"\e]8;;http://x\e\link\e]8;;\e\ \u202E\a");
        SafeText.Escape(once).ShouldBeSameAs(once);
    }
}
