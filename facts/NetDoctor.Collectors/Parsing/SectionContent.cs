using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace NetDoctor.Collectors.Parsing;

/// <summary>
/// What a shared section holds, by value: the 128-bit hash and the length of its UTF-8 bytes. It is the same whether
/// the section was decoded first (<see cref="Of(ReadOnlySpan{char})"/> encodes the text back) or is still the file's
/// bytes (<see cref="Of(ReadOnlySpan{byte})"/>), so a reader can recognise a section before decoding it
/// (<see cref="ElidedSections"/>). Text that was not valid UTF-8 decodes to U+FFFD and encodes back to other bytes: it
/// then never matches its undecoded self, which only costs a parse.
/// </summary>
public readonly record struct SectionContent(UInt128 Hash, int Bytes)
{
    public static SectionContent Of(ReadOnlySpan<byte> bytes) => new(XxHash128.HashToUInt128(bytes), bytes.Length);

    public static SectionContent Of(ReadOnlySpan<char> text)
    {
        int length = Encoding.UTF8.GetByteCount(text);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            int written = Encoding.UTF8.GetBytes(text, buffer);
            return Of(buffer.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
