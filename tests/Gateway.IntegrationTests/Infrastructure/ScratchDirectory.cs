namespace Gateway.IntegrationTests.Infrastructure;

/// <summary>A temporary directory for a test's config files, removed afterwards (a file still open is left behind).</summary>
public sealed class ScratchDirectory(string prefix) : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
