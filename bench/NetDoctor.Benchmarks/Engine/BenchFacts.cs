namespace NetDoctor.Benchmarks.Engine;

public sealed record Item(int Id, int Group, int Value);

public sealed record Parent(int Id);

public sealed record Child(int Id, int ParentId);

/// <summary>Where benchmark actions put their result, so the JIT cannot drop the work.</summary>
public static class Sink
{
    public static long Hits;

    public static void Hit() => Hits++;
}
