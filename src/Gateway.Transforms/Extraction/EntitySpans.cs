using System.Numerics;

namespace Gateway.Transforms.Extraction;

/// <summary>Writes one <c>&amp;name;</c> span as decoded text, in <typeparamref name="T"/> code units.</summary>
internal interface IEntityWriter<T>
{
    /// <returns>The code units written into <paramref name="destination"/> (as long as the entity), or -1 when the
    /// entity cannot be written in this form.</returns>
    static abstract int Write(ReadOnlySpan<T> entity, Span<T> destination);
}

/// <summary>
/// The entity grammar <see cref="HtmlEntityText"/> and <see cref="HtmlEntityUtf8"/> share, over chars or UTF-8 bytes:
/// text between entities is copied; an entity is an ampersand up to the next semicolon with no ampersand between, and
/// goes to the writer; any other ampersand stays as it is.
/// </summary>
internal static class EntitySpans
{
    /// <returns>The code units written (never more than <paramref name="markup"/> holds), or -1 from the writer.</returns>
    public static int Decode<T, TWriter>(ReadOnlySpan<T> markup, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>
        where TWriter : IEntityWriter<T>
    {
        var ampersand = T.CreateTruncating('&');
        var semicolon = T.CreateTruncating(';');
        var written = 0;
        while (true)
        {
            var amp = markup.IndexOf(ampersand);
            if (amp < 0)
            {
                markup.CopyTo(destination[written..]);
                return written + markup.Length;
            }

            markup[..amp].CopyTo(destination[written..]);
            written += amp;
            var rest = markup[(amp + 1)..];
            var end = rest.IndexOfAny(semicolon, ampersand);
            if (end < 0 || rest[end] != semicolon)
            {
                // Not an entity: the ampersand stays, and a following one may start an entity.
                destination[written++] = ampersand;
                markup = rest;
                continue;
            }

            // Held to the entity's own length: what is written never overtakes what is read.
            var entity = markup.Slice(amp, end + 2);
            var decoded = TWriter.Write(entity, destination.Slice(written, entity.Length));
            if (decoded < 0)
            {
                return -1;
            }

            written += decoded;
            markup = markup[(amp + end + 2)..];
        }
    }
}
