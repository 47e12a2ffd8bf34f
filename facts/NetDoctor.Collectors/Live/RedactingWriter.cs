using System.Collections.Concurrent;
using NetDoctor.Collectors.Redaction;

namespace NetDoctor.Collectors.Live;

/// <summary>Redacts every file on its way into the bundle and counts what it masked, per file, for the manifest.</summary>
internal sealed class RedactingWriter(BundleWriter inner)
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> _files = [];

    public IReadOnlyDictionary<string, int> Redactions => _counts;

    public IReadOnlyCollection<string> Files => _files;

    public void Write(string relativePath, string text)
    {
        var result = Redactor.Redact(text);
        if (result.Count > 0) _counts[relativePath] = result.Count;
        _files.Add(relativePath);
        inner.Write(relativePath, result.Text);
    }
}
