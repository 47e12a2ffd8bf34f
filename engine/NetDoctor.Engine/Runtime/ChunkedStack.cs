namespace NetDoctor.Engine.Runtime;

/// <summary>
/// A stack stored in fixed 1024-entry chunks. Unlike a doubling List it never allocates large-object-heap arrays
/// (which trigger full collections) when an agenda grows to hundreds of thousands of activations.
/// </summary>
internal sealed class ChunkedStack<T>
{
    private const int ChunkSize = 1024;
    private readonly List<T[]> chunks = [];
    private int count;

    public int Count => count;

    public T Top => chunks[(count - 1) / ChunkSize][(count - 1) % ChunkSize];

    public void Push(T item)
    {
        if (count == chunks.Count * ChunkSize)
        {
            chunks.Add(new T[ChunkSize]);
        }
        chunks[count / ChunkSize][count % ChunkSize] = item;
        count++;
    }

    public void Pop()
    {
        count--;
        chunks[count / ChunkSize][count % ChunkSize] = default!;
        if (count % ChunkSize == 0 && chunks.Count > (count / ChunkSize) + 1)
        {
            // Keep one spare chunk so a push/pop cycle at a boundary does not allocate each time.
            chunks.RemoveAt(chunks.Count - 1);
        }
    }

    /// <summary>Removes the entries matching <paramref name="stale"/>, keeping the others in order.</summary>
    public void RemoveAll(Func<T, bool> stale)
    {
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            var item = chunks[i / ChunkSize][i % ChunkSize];
            if (!stale(item))
            {
                chunks[kept / ChunkSize][kept % ChunkSize] = item;
                kept++;
            }
        }
        for (var i = kept; i < count; i++)
        {
            chunks[i / ChunkSize][i % ChunkSize] = default!;
        }
        count = kept;
        var needed = (count + ChunkSize - 1) / ChunkSize;
        if (chunks.Count > needed + 1)
        {
            chunks.RemoveRange(needed + 1, chunks.Count - needed - 1);
        }
    }
}
