using System.Diagnostics;

namespace NetDoctor.Lab.Tests.Lab;

/// <summary>A long-running helper (listener) started inside a namespace; the lab kills it on dispose.
/// Every one is started under `timeout` as well, so even a killed test runner leaves nothing behind for long.</summary>
public sealed class LabProcess : IDisposable
{
    private readonly Process _process;

    internal LabProcess(Process process, string description)
    {
        _process = process;
        Description = description;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Description { get; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }
}
