using System.Runtime.InteropServices;

namespace NetDoctor.Collectors.Live.Files;

/// <summary>
/// The two libc calls .NET does not expose: open(2) with O_NONBLOCK, and statx(2) on a descriptor (the file type —
/// FIFO, device, regular — and size of what was actually opened). statx's layout is the same on every Linux
/// architecture, unlike struct stat. Flag values are Linux's (identical on x86-64 and arm64).
/// </summary>
internal static class Native
{
    public const int O_RDONLY = 0;
    public const int O_NOCTTY = 0x100;
    public const int O_NONBLOCK = 0x800;
    public const int O_CLOEXEC = 0x80000;

    private const int AT_EMPTY_PATH = 0x1000;
    private const uint STATX_TYPE = 0x1, STATX_MODE = 0x2, STATX_SIZE = 0x200;
    private const int StatxSize = 256, ModeOffset = 28, SizeOffset = 40;

    public sealed record FileStat(int Mode, long Size)
    {
        public bool IsRegularFile => (Mode & 0xF000) == 0x8000;

        public string Kind => (Mode & 0xF000) switch
        {
            0x1000 => "a FIFO",
            0x2000 => "a character device",
            0x4000 => "a directory",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => "not a regular file",
        };
    }

    [DllImport("libc", SetLastError = true, EntryPoint = "open")]
#pragma warning disable SYSLIB1054 // DllImport, not LibraryImport: the generated marshaller needs unsafe code in this project.
    private static extern int OpenNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true, EntryPoint = "statx")]
    private static extern int StatxNative(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
#pragma warning restore SYSLIB1054

    public static int Open(string path, int flags) => OpenNative(path, flags);

    /// <summary>Type and size of the open descriptor <paramref name="fd"/>; null on failure (errno set).</summary>
    public static FileStat? Stat(int fd)
    {
        var buffer = new byte[StatxSize];
        if (StatxNative(fd, "", AT_EMPTY_PATH, STATX_TYPE | STATX_MODE | STATX_SIZE, buffer) != 0) return null;
        return new FileStat(BitConverter.ToUInt16(buffer, ModeOffset), BitConverter.ToInt64(buffer, SizeOffset));
    }

    public static string Describe(int errno) => errno switch
    {
        1 or 13 => "permission denied",
        2 => "not found",
        20 => "a folder on the way is not a folder",
        40 => "too many symbolic links",
        _ => $"cannot open (errno {errno})",
    };
}
