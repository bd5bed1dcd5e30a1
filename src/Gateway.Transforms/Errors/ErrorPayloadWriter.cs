using System.Buffers;
using System.Text.Json;

namespace Gateway.Transforms.Errors;

/// <summary>Writes a <see cref="StandardError"/> in a profile's shape. The only place payload JSON is produced.</summary>
public static class ErrorPayloadWriter
{
    private static readonly JsonWriterOptions s_options = new()
    {
        // Readable text (accents, apostrophes) but markup escaped: upstream text can contain HTML.
        Encoder = PayloadJsonEncoder.Instance,
        SkipValidation = true,
    };

    private const int MaxKeptBytes = 16 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>The name of the correlation id field in both profiles.</summary>
    public const string CorrelationIdField = "correlationId";

    /// <summary>Writes the payload's UTF-8 bytes to <paramref name="output"/>.</summary>
    public static void Write(IBufferWriter<byte> output, ErrorProfile profile, StandardError error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(error);

        using var writer = new Utf8JsonWriter(output, s_options);
        WriteObject(writer, profile, error);
    }

    /// <summary>The payload as a new byte array: the only allocation, the JSON writer and its buffer are the thread's.</summary>
    public static byte[] ToUtf8Bytes(ErrorProfile profile, StandardError error)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(error);

        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(512);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, s_options);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        WriteObject(writer, profile, error);
        writer.Flush();
        var bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > MaxKeptBytes)
        {
            // An unusually long message grew the buffer: not kept per thread.
            (t_buffer, t_writer) = (null, null);
        }

        return bytes;
    }

    private static void WriteObject(Utf8JsonWriter writer, ErrorProfile profile, StandardError error)
    {
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
}
