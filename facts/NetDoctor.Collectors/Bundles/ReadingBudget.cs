namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// How much managed memory a read may fill before it stops with <see cref="ReadingBudgetExceededException"/>: by
/// default 85% of what the GC says this process may use (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes: the
/// machine's memory, a container's limit or DOTNET_GCHeapHardLimit). Checked as files are read and their facts merged,
/// so an input too big for the machine ends with a message naming it, not with the kernel's OOM killer.
/// </summary>
public sealed class ReadingBudget(long limitBytes)
{
    public const double DefaultShare = 0.85;

    public long LimitBytes { get; } = limitBytes;

    public static ReadingBudget Default() => new((long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * DefaultShare));

    /// <summary>Throws when the heap is over the limit after a collection (garbage is not a reason to stop).</summary>
    public void Check(string input, long bytesRead, int files, int facts)
    {
        if (GC.GetTotalMemory(forceFullCollection: false) <= LimitBytes) return;
        long live = GC.GetTotalMemory(forceFullCollection: true);
        if (live <= LimitBytes) return;
        throw new ReadingBudgetExceededException(
            $"input {input} is too big for the memory available: after {files:N0} file(s) ({BoundedRead.Bytes(bytesRead)} read) " +
            $"the facts and files held take {BoundedRead.Bytes(live)}, over the reading budget of {BoundedRead.Bytes(LimitBytes)} " +
            $"({DefaultShare:P0} of the {BoundedRead.Bytes(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)} this process may use; " +
            $"{facts:N0} facts kept so far). Read fewer nodes at a time, or run where more memory is available.");
    }

    /// <summary>The message when an allocation failed before <see cref="Check"/> saw the heap over the limit.</summary>
    public string OutOfMemory(string input, long bytesRead, int facts)
    {
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return $"input {input} is too big for the memory available: memory ran out after {BoundedRead.Bytes(bytesRead)} read " +
               $"({facts:N0} facts kept; the reading budget is {BoundedRead.Bytes(LimitBytes)}, {DefaultShare:P0} of the " +
               $"{BoundedRead.Bytes(available)} this process may use). Read fewer nodes at a time, or run where more memory is available.";
    }

    /// <summary>
    /// The message when memory ran out on another thread while <paramref name="input"/> was being read beside it (the
    /// rule packs loading while the bundles are read): the read filled what the other needed.
    /// </summary>
    public string OutOfMemoryBeside(string input)
    {
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return $"input {input} is too big for the memory available: memory ran out while the rule packs loaded beside the read " +
               $"(the reading budget is {BoundedRead.Bytes(LimitBytes)}, {DefaultShare:P0} of the {BoundedRead.Bytes(available)} " +
               "this process may use). Read fewer nodes at a time, or run where more memory is available.";
    }
}

/// <summary>The read stopped before memory ran out (see <see cref="ReadingBudget"/>); the message says what, how big and which limit.</summary>
public sealed class ReadingBudgetExceededException(string message) : Exception(message);
