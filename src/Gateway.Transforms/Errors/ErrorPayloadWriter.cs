using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gateway.Transforms.Errors;

/// <summary>Writes a <see cref="StandardError"/> in a profile's shape. The only place payload JSON is produced.</summary>
public static class ErrorPayloadWriter
{
    private static readonly JsonWriterOptions s_options = new()
    {
        // Upstream text can contain markup; the default encoder escapes it so a payload is safe in any context.
        Encoder = JavaScriptEncoder.Default,
        SkipValidation = true,
    };

    /// <summary>The name of the correlation id field in both profiles.</summary>
    public const string CorrelationIdField = "correlationId";

    /// <summary>Writes the payload's UTF-8 bytes to <paramref name="output"/>.</summary>
    public static void Write(IBufferWriter<byte> output, ErrorProfile profile, StandardError error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(error);

        using var writer = new Utf8JsonWriter(output, s_options);
        writer.WriteStartObject();
        if (profile.Kind == ErrorProfileKind.ProblemDetails)
        {
            writer.WriteString("type"u8, StatusDefaults.TypeUri(error.Status));
            writer.WriteString("title"u8, StatusDefaults.Title(error.Status));
            writer.WriteNumber("status"u8, error.Status);
            writer.WriteString("detail"u8, error.Message);
            if (error.Instance is not null)
            {
                writer.WriteString("instance"u8, error.Instance);
            }
        }
        else
        {
            writer.WriteNumber("code"u8, error.Status);
            writer.WriteString("type"u8, StatusDefaults.Title(error.Status));
            writer.WriteString("message"u8, error.Message);
        }

        if (error.CorrelationId is not null)
        {
            writer.WriteString(CorrelationIdField, error.CorrelationId);
        }

        writer.WriteEndObject();
    }

    /// <summary>The payload as a new byte array; for the rare error path, where one allocation is fine.</summary>
    public static byte[] ToUtf8Bytes(ErrorProfile profile, StandardError error)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(buffer, profile, error);
        return buffer.WrittenSpan.ToArray();
    }
}
