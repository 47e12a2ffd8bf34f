using System.Runtime.InteropServices;

namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// What a path is before it is opened. Opening a FIFO blocks until a writer comes (forever, for a bundle), and a
/// device such as /dev/zero or a tty never ends or blocks on read; .NET opens both as if they were files and its
/// public API cannot tell them apart (<see cref="FileSystemInfo.Attributes"/> says "Normal" for all). The runtime's
/// own native shim, which every .NET on Unix ships and File.Exists itself calls, gives the full st_mode of lstat(2).
/// </summary>
internal static class FileKind
{
    /// <summary>Null for a regular file (or when the type cannot be learned); else what it is, for a problem ("FIFO").</summary>
    /// <param name="followLinks">For a path the user named (an input): what a link leads to is what would be opened.</param>
    public static string? NotRegular(string path, bool followLinks = false)
    {
        if (OperatingSystem.IsWindows())
            return File.GetAttributes(path).HasFlag(FileAttributes.Device) ? "device" : null;
        var status = new byte[StatusBufferBytes];
        try
        {
            if ((followLinks ? Stat(path, status) : LStat(path, status)) != 0) return null; // gone or unreadable: the open that follows reports it
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        // FileStatus starts with int Flags, int Mode; Mode is st_mode as is.
        int mode = BitConverter.ToInt32(status, 4) & 0xF000;
        return mode switch
        {
            0x8000 => null,
            0x4000 => "directory",
            0x1000 => "FIFO",
            0x2000 => "character device",
            0x6000 => "block device",
            0xC000 => "socket",
            0xA000 => "symbolic link",
            _ => "special file",
        };
    }

    /// <summary>Larger than any version's FileStatus struct (about 120 bytes), which only ever grew at its end.</summary>
    private const int StatusBufferBytes = 512;

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
}
