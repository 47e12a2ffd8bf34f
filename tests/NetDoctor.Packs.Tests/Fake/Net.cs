namespace NetDoctor.Packs.Tests.Fake;

/// <summary>A helper class whose name collides with the shared Net helpers.</summary>
public static class Net
{
    public static bool IsCidr(string? text) => text is not null;
}
