namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// What is left of <see cref="BundleReadOptions.MaxReadBytes"/> and <see cref="BundleReadOptions.MaxFacts"/> in one
/// run, shared by every input and every archive found inside one. A file is charged for the text it parsed itself as its
/// parse is merged: a copy of content another node's file held (content-addressed reading) costs no bytes, only the facts
/// it keeps. A file that does not fit keeps none of its facts; each refusal names the file, the budget and why it exists.
/// </summary>
internal sealed class ReadBudget(BundleReadOptions options)
{
    private long _bytes;
    private long _facts;
    private int _refused;

    /// <summary>Cut files past this many get a short problem: 200,000 long ones would themselves cost memory.</summary>
    private const int ExplainedRefusals = 20;

    /// <summary>Null when <paramref name="size"/> more bytes fit (and charges them); else the problem to report.</summary>
    public string? TakeBytes(long size)
    {
        if (_bytes + size > options.MaxReadBytes && ++_refused > ExplainedRefusals)
            return "not read: the memory budget for reading is spent (the first files cut say why)";
        if (_bytes + size > options.MaxReadBytes)
        {
            return $"not read: the memory budget for reading is spent ({BoundedRead.Bytes(_bytes)} of {BoundedRead.Bytes(options.MaxReadBytes)} " +
                   $"of file content read in this run; this file is {BoundedRead.Bytes(size)}) — it bounds the time and memory a run spends " +
                   "parsing; diagnoses lack this file's evidence, and rules that need it are not evaluated (raise the budget with `netdoctor run --max-read-bytes`, BundleReadOptions.MaxReadBytes, or read fewer files at once)";
        }

        _bytes += size;
        return null;
    }

    /// <summary>Null when <paramref name="count"/> more facts fit (and charges them); else the problem to report.</summary>
    public string? TakeFacts(int count)
    {
        if (_facts + count > options.MaxFacts)
        {
            return $"{count} facts of this file not kept: the budget of {options.MaxFacts:N0} facts for one run is spent ({_facts:N0} kept) — " +
                   "it keeps memory bounded; diagnoses lack this file's evidence, and rules that need it are not evaluated (raise the budget with `netdoctor run --max-facts`, BundleReadOptions.MaxFacts)";
        }

        _facts += count;
        return null;
    }
}
