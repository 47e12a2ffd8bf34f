using System.Buffers.Binary;

namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// How many entries a zip declares, read from its end-of-central-directory record (and the zip64 one it may point to)
/// before <see cref="System.IO.Compression.ZipArchive"/> builds an object per entry: a hostile zip can declare millions.
/// </summary>
internal static class ZipDirectory
{
    private const int EndRecordLength = 22;
    private const int MaxCommentLength = 0xFFFF;

    /// <summary>The declared entry count, or null when no end record is found (the zip reader then reports the damage).</summary>
    public static long? DeclaredEntries(Stream zip)
    {
        long length = zip.Length;
        if (length < EndRecordLength) return null;
        int tailLength = (int)Math.Min(length, EndRecordLength + MaxCommentLength);
        var tail = new byte[tailLength];
        zip.Position = length - tailLength;
        zip.ReadExactly(tail);
        for (int i = tailLength - EndRecordLength; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) != 0x06054B50) continue;
            long entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 10));
            if (entries == 0xFFFF && Zip64Entries(zip, length - tailLength + i) is { } many) entries = many;
            return entries;
        }
        return null;
    }

    /// <summary>The zip64 record's count; its locator sits just before the classic end record.</summary>
    private static long? Zip64Entries(Stream zip, long endRecord)
    {
        if (endRecord < 20) return null;
        Span<byte> locator = stackalloc byte[20];
        zip.Position = endRecord - 20;
        zip.ReadExactly(locator);
        if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != 0x07064B50) return null;
        ulong recordAt = BinaryPrimitives.ReadUInt64LittleEndian(locator[8..]);
        if (recordAt > (ulong)(zip.Length - 56)) return null;
        Span<byte> record = stackalloc byte[56];
        zip.Position = (long)recordAt;
        zip.ReadExactly(record);
        if (BinaryPrimitives.ReadUInt32LittleEndian(record) != 0x06064B50) return null;
        ulong entries = BinaryPrimitives.ReadUInt64LittleEndian(record[32..]);
        return entries > long.MaxValue ? long.MaxValue : (long)entries;
    }
}
