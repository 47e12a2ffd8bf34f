using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;

namespace NetDoctor.Benchmarks;

/// <summary>
/// Runs the same [Benchmark] methods as BenchmarkDotNet but reports the process CPU time per operation next to
/// wall-clock time. On a shared machine wall-clock mostly measures other people's builds; CPU time measures ours.
/// Usage: <c>dotnet run -c Release --project bench/NetDoctor.Benchmarks -- --cpu '*Engine*'</c>.
/// </summary>
internal static class CpuTimeRunner
{
    private const int Warmups = 3;
    private const int Iterations = 9;

    public static void Run(string filter)
    {
        var pattern = new Regex("^" + Regex.Escape(filter).Replace("\\*", ".*").Replace("\\?", ".") + "$");
        Console.WriteLine($"{"benchmark",-58} {"cpu median",12} {"wall median",12} {"allocated",12}");
        foreach (var type in typeof(CpuTimeRunner).Assembly.GetTypes().Where(t => !t.IsAbstract).OrderBy(t => t.FullName))
        {
            var methods = type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)
                .Where(m => pattern.IsMatch($"{type.FullName}.{m.Name}")).ToList();
            if (methods.Count == 0)
            {
                continue;
            }
            foreach (var parameters in Combinations(type))
            {
                var instance = Activator.CreateInstance(type)!;
                foreach (var (property, value) in parameters)
                {
                    property.SetValue(instance, value);
                }
                Invoke<GlobalSetupAttribute>(type, instance);
                foreach (var method in methods)
                {
                    var label = $"{type.Name}.{method.Name}" + string.Concat(parameters.Select(p => $" [{p.Property.Name}={p.Value}]"));
                    Console.WriteLine($"{label,-58} {Measure(() => method.Invoke(instance, null))}");
                }
                Invoke<GlobalCleanupAttribute>(type, instance);
            }
        }
    }

    private static string Measure(Action run)
    {
        for (var i = 0; i < Warmups; i++)
        {
            run();
        }
        var process = Process.GetCurrentProcess();
        var cpu = new double[Iterations];
        var wall = new double[Iterations];
        var bytes = new long[Iterations];
        for (var i = 0; i < Iterations; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var allocated0 = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            run();
            watch.Stop();
            bytes[i] = GC.GetTotalAllocatedBytes(precise: true) - allocated0;
            process.Refresh();
            cpu[i] = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
            wall[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(cpu);
        Array.Sort(wall);
        Array.Sort(bytes);
        return $"{cpu[Iterations / 2],9:F1} ms {wall[Iterations / 2],9:F1} ms {bytes[Iterations / 2] / 1048576.0,9:F2} MB";
    }

    private static void Invoke<TAttribute>(Type type, object instance) where TAttribute : Attribute
    {
        foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() is not null))
        {
            method.Invoke(instance, null);
        }
    }

    private static IEnumerable<List<(PropertyInfo Property, object? Value)>> Combinations(Type type)
    {
        IEnumerable<List<(PropertyInfo, object?)>> result = [[]];
        foreach (var property in type.GetProperties().Where(p => p.GetCustomAttribute<ParamsAttribute>() is not null))
        {
            var values = property.GetCustomAttribute<ParamsAttribute>()!.Values;
            result = result.SelectMany(prefix => values.Select(v => new List<(PropertyInfo, object?)>(prefix) { (property, v) })).ToList();
        }
        return result;
    }
}
