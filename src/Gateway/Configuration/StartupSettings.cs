using System.Text.Json;

namespace Gateway.Configuration;

/// <summary>Reads the config file for settings taken once at startup (Kestrel, Serilog, shutdown timeout).</summary>
internal static class StartupSettings
{
    /// <summary>The file as a stream when it exists and is well-formed JSON; otherwise null.</summary>
    public static MemoryStream? TryRead(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            using var _ = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return new MemoryStream(bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
