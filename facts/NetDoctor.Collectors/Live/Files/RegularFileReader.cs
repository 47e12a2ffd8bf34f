using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace NetDoctor.Collectors.Live.Files;

/// <summary>
/// Reads a host file named by something the collector does not control (a process's <c>--config=</c>) without letting
/// it hang or flood the collection: opened non-blocking (a FIFO open returns at once instead of waiting for a writer),
/// checked to be a regular file on the opened descriptor itself (no check-then-open race), bounded in size, and read
/// on a worker with a timeout that also gives up when the collection is cancelled.
/// </summary>
internal static class RegularFileReader
{
    /// <param name="Cut">Only the last bytes of a larger file were read (<see cref="ReadTailAsync"/>).</param>
    public sealed record Outcome(string? Text, string? Error, bool Cut = false);

    /// <summary>The whole file, or an error when it is larger than <paramref name="maxBytes"/>.</summary>
    public static Task<Outcome> ReadAsync(string path, long maxBytes, TimeSpan timeout, CancellationToken cancellationToken) =>
        Run(() => Read(path, maxBytes, tail: false), path, timeout, cancellationToken);

    /// <summary>The last <paramref name="maxBytes"/> of the file (a log's most recent lines).</summary>
    public static Task<Outcome> ReadTailAsync(string path, long maxBytes, TimeSpan timeout, CancellationToken cancellationToken) =>
        Run(() => Read(path, maxBytes, tail: true), path, timeout, cancellationToken);

    private static async Task<Outcome> Run(Func<Outcome> read, string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // A read from a hung network mount cannot be interrupted; the worker is abandoned, the collection goes on.
        var reading = Task.Run(read, CancellationToken.None);
        try
        {
            return await reading.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return new Outcome(null, $"{path}: no data after {timeout.TotalSeconds:0.#} s; not read");
        }
    }

    private static Outcome Read(string path, long maxBytes, bool tail)
    {
        if (!OperatingSystem.IsLinux()) return new Outcome(null, $"{path}: reading component files needs Linux");
        int fd = Native.Open(path, Native.O_RDONLY | Native.O_NONBLOCK | Native.O_NOCTTY | Native.O_CLOEXEC);
        if (fd < 0) return new Outcome(null, $"{path}: {Native.Describe(Marshal.GetLastPInvokeError())}");
        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (Native.Stat(fd) is not { } stat) return new Outcome(null, $"{path}: {Native.Describe(Marshal.GetLastPInvokeError())}");
        if (!stat.IsRegularFile) return new Outcome(null, $"{path} is {stat.Kind}, not a regular file; not read");
        bool cut = stat.Size > maxBytes;
        if (cut && !tail) return new Outcome(null, $"{path} is larger than {maxBytes / 1024} KiB; not read");

        // Read one byte past the limit: a file that grew since statx is refused (or cut) too, never read without bound.
        long start = cut ? stat.Size - maxBytes : 0;
        var buffer = new byte[(int)Math.Min(maxBytes + 1, stat.Size - start + 1)];
        int total = 0, n;
        while (total < buffer.Length && (n = RandomAccess.Read(handle, buffer.AsSpan(total), start + total)) > 0) total += n;
        if (total > maxBytes)
        {
            if (!tail) return new Outcome(null, $"{path} is larger than {maxBytes / 1024} KiB; not read");
            (cut, total) = (true, (int)maxBytes);
        }
        return new Outcome(new UTF8Encoding(false, false).GetString(buffer, 0, total), null, cut);
    }
}
