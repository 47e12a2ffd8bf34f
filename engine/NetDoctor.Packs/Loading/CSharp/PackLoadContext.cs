using System.Reflection;
using System.Runtime.Loader;

namespace NetDoctor.Packs.Loading.CSharp;

/// <summary>
/// The load context of one external C# pack: its own assembly and private dependencies come from its build folder;
/// every assembly the program itself has (NetDoctor's, NRules', the framework's) is shared from the default context, so
/// the pack's rules, facts and diagnoses are the very types the engine and the other packs use.
/// </summary>
internal sealed class PackLoadContext(string directory) : AssemblyLoadContext("netdoctor-pack:" + directory)
{
    protected override Assembly? Load(AssemblyName name)
    {
        if (IsShared(name)) return null;
        string path = Path.Combine(directory, name.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    private static bool IsShared(AssemblyName name) =>
        Default.Assemblies.Any(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name) || a.GetName().Name == name.Name)
        || File.Exists(Path.Combine(AppContext.BaseDirectory, name.Name + ".dll"));
}
