using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace Gateway.Transforms.Requests;

/// <summary>Checks that bytes are one well-formed JSON value. Never throws.</summary>
public static class JsonSyntax
{
    private const int MaxDepth = 64;

    /// <summary>Null when well formed; else a client-safe description with the position (the client's own input).</summary>
    public static string? Check(ReadOnlySpan<byte> utf8)
    {
        // RFC 8259 §8.1: a parser may ignore a leading BOM, and the backends behind the check do (Json.NET, ASP.NET
        // Core's input formatters, Jackson); clients that write one (.NET's Encoding.UTF8, Windows PowerShell) are not wrong.
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            return "The request body is empty.";
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            reader.Read();
            reader.Skip();
            // The reader itself rejects trailing data ("{}{}", "{} x") by throwing.
            reader.Read();
            // The reader does not validate the bytes inside strings; RFC 8259 §8.1 requires UTF-8.
            return Utf8.IsValid(utf8) ? null : "The request body is not valid UTF-8.";
        }
        catch (JsonException ex)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"The request body is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}).");
        }
    }
}
