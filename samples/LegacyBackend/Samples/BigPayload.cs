using System.Buffers;
using System.Text.Json;

namespace LegacyBackend.Samples;

/// <summary>About 1 MiB of student JSON, built once, for buffering and size-limit tests.</summary>
internal static class BigPayload
{
    private const int TargetBytes = 1024 * 1024;

    private static readonly string[] s_firstNames = ["Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Margaret", "Ken"];
    private static readonly string[] s_lastNames = ["Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson"];

    public static readonly byte[] Json = Build();

    private static byte[] Build()
    {
        var buffer = new ArrayBufferWriter<byte>(TargetBytes + 4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (var id = 1; writer.BytesCommitted + writer.BytesPending < TargetBytes; id++)
            {
                writer.WriteStartObject();
                writer.WriteNumber("id", id);
                writer.WriteString("firstName", s_firstNames[id % s_firstNames.Length]);
                writer.WriteString("lastName", s_lastNames[id % s_lastNames.Length]);
                writer.WriteNumber("grade", (id % 12) + 1);
                writer.WriteString("notes", "Imported from SIS export \\\\fileserver01\\exports\\students_2014.csv; row checked by batch job.");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
