using System.Text.Json;

namespace Gateway.Configuration;

/// <summary>Reads the config file for settings taken once at startup (Kestrel, Serilog, shutdown timeout).</summary>
internal static class StartupSettings
{
    /// <summary>The file as a stream when it exists and configuration can read it; otherwise null.</summary>
    public static MemoryStream? TryRead(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            using var _ = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            // Configuration's own reader refuses more than the JSON parser (a key given twice, no object on top, a lone
            // surrogate escape).
            new ConfigurationBuilder().AddJsonStream(new MemoryStream(bytes)).Build();
            return new MemoryStream(bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }
}
