using System.Buffers;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Gateway.Transforms.Compression;

namespace Gateway.Tests.Transforms.Compression;

public class ContentDecoderTests
{
    private const int MiB = 1024 * 1024;

    // 100 MiB of zeros, compressed once per coding and shared by the bomb tests.
    private static readonly Lazy<Dictionary<string, byte[]>> s_bombs = new(() =>
        new[] { "gzip", "deflate", "deflate-raw", "br" }.ToDictionary(c => c, c => CompressZeros(c, 100 * MiB)));

    public static TheoryData<string, string> Codings() => new()
    {
        { "gzip", "gzip" },
        { "gzip", "x-gzip" },
        { "gzip", "GZip" },
        { "deflate", "deflate" },
        { "deflate-raw", "deflate" },
        { "br", "br" },
        { "br", " br " },
        { "gzip", "identity, gzip" },
    };

    [Theory]
    [MemberData(nameof(Codings))]
    public void TryDecode_CompressedBody_RoundTrips(string encoder, string header)
    {
        var original = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"message\":\"Student 12 was not found.\"}", 500)));

        var ok = ContentDecoder.TryDecode(header, Codec.Encode(encoder, original), 1 * MiB, out var decoded, out var length, out var truncated);

        try
        {
            Assert.True(ok);
            Assert.False(truncated);
            Assert.Equal(original, decoded.AsSpan(0, length).ToArray());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(decoded);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("identity")]
    public void TryDecode_Identity_CopiesWithinTheBound(string? header)
    {
        byte[] body = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

        Assert.True(ContentDecoder.TryDecode(header, body, 4, out var decoded, out var length, out var truncated));

        Assert.Equal([1, 2, 3, 4], decoded.AsSpan(0, length).ToArray());
        Assert.True(truncated);
        ArrayPool<byte>.Shared.Return(decoded);
    }

    [Theory]
    [InlineData("compress")]
    [InlineData("zstd")]
    [InlineData("chunked")]
    [InlineData("gzip, compress")]
    [InlineData("gzip, gzip, gzip, gzip")]
    public void TryDecode_UnknownCodingOrTooManyStacked_ReturnsFalse(string header)
    {
        Assert.False(ContentDecoder.TryDecode(header, [1, 2, 3], 100, out var decoded, out var length, out _));
        Assert.Empty(decoded);
        Assert.Equal(0, length);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public void TryDecode_CorruptData_ReturnsFalse(string header)
    {
        byte[] garbage = [0x1F, 0x8B, 0x08, 0x00, 0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0xFF, 0x13, 0x37, 0x42, 0x42, 0x42, 0x42];

        Assert.False(ContentDecoder.TryDecode(header, garbage, 1 * MiB, out var decoded, out _, out _));
        ArrayPool<byte>.Shared.Return(decoded); // an empty array may be returned too
    }

    // Frameworks that set Content-Encoding for every response and proxies that decode but keep the header send text
    // labelled as compressed: it is read as the text it is.
    [Theory]
    [InlineData("gzip", "{\"message\":\"Student 12 was not found.\"}")]
    [InlineData("deflate", "{\"message\":\"Student 12 was not found.\"}")]
    [InlineData("br", "<html><head><title>Élève introuvable</title></head></html>")]
    [InlineData("gzip", "Student 12 was not found.")]
    public void TryDecode_PlainTextLabelledCompressed_IsReadAsIs(string coding, string text)
    {
        var body = Encoding.UTF8.GetBytes(text);

        Assert.True(ContentDecoder.TryDecode(coding, body, 1 * MiB, out var decoded, out var length, out var truncated));

        Assert.Equal(body, decoded.AsSpan(0, length).ToArray());
        Assert.False(truncated);
        ArrayPool<byte>.Shared.Return(decoded);
    }

    [Fact]
    public void LooksUnencoded_AcceptsACharacterCutByTheWindow_RefusesControlsAndInvalidUtf8()
    {
        // 511 ASCII bytes, then 'é' (C3 A9) across the 512-byte window.
        var cut = Encoding.UTF8.GetBytes("{" + new string('a', 510) + "é\"}");

        Assert.True(ContentDecoder.LooksUnencoded(cut));
        Assert.False(ContentDecoder.LooksUnencoded("{\"a\":\u0001}"u8));
        Assert.False(ContentDecoder.LooksUnencoded([(byte)'{', 0xC3, (byte)'}']));
        Assert.False(ContentDecoder.LooksUnencoded("x"u8));
        Assert.False(ContentDecoder.LooksUnencoded(";"u8));
    }

    // Every real compressed body starts with bytes no text has: none of them is taken for text.
    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("deflate-raw")]
    [InlineData("br")]
    public void LooksUnencoded_RefusesCompressedBodies(string encoder)
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => (char)random.Next(' ', '~')));
            var encoded = Codec.Encode(encoder, Encoding.UTF8.GetBytes("{\"message\":\"" + text + "\"}"));

            Assert.False(ContentDecoder.LooksUnencoded(encoded), $"{encoder}: {Convert.ToHexString(encoded)}");
        }
    }

    [Fact]
    public void TryDecode_CutShortBrotliStream_ReturnsFalse()
    {
        var encoded = Codec.Encode("br", Encoding.UTF8.GetBytes(new string('a', 10_000) + Guid.Empty), CompressionLevel.NoCompression);

        Assert.False(ContentDecoder.TryDecode("br", encoded.AsSpan(0, encoded.Length / 2), 1 * MiB, out _, out _, out _));
    }

    // System.IO.Compression's zlib streams end quietly where the input ends, so a cut-short gzip or deflate body
    // decodes to the prefix it holds (documented on TryDecode).
    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    public void TryDecode_CutShortZlibStream_DecodesThePrefix(string coding)
    {
        var original = Encoding.UTF8.GetBytes(new string('a', 10_000));
        var encoded = Codec.Encode(coding, original, CompressionLevel.NoCompression);

        Assert.True(ContentDecoder.TryDecode(coding, encoded.AsSpan(0, encoded.Length / 2), 1 * MiB, out var decoded, out var length, out var truncated));

        Assert.False(truncated);
        Assert.InRange(length, 1, original.Length - 1);
        Assert.Equal(original.AsSpan(0, length).ToArray(), decoded.AsSpan(0, length).ToArray());
        ArrayPool<byte>.Shared.Return(decoded);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public void TryDecode_EmptyBody_IsEmpty(string coding)
    {
        Assert.True(ContentDecoder.TryDecode(coding, [], 100, out _, out var length, out var truncated));
        Assert.Equal(0, length);
        Assert.False(truncated);
    }

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("deflate", "deflate")]
    [InlineData("deflate-raw", "deflate")]
    [InlineData("br", "br")]
    public void TryDecode_ZipBombOf100MiB_StopsAtTheBoundQuickly(string encoder, string header)
    {
        var bomb = s_bombs.Value[encoder];
        var stopwatch = Stopwatch.StartNew();

        var ok = ContentDecoder.TryDecode(header, bomb, 64 * 1024, out var decoded, out var length, out var truncated);

        stopwatch.Stop();
        try
        {
            Assert.True(bomb.Length < MiB, $"bomb is {bomb.Length} bytes");
            Assert.True(ok);
            Assert.True(truncated);
            Assert.Equal(64 * 1024, length);
            Assert.True(decoded.AsSpan(0, length).IndexOfAnyExcept((byte)0) < 0);

            // Generous: the decoder reads 64 KiB, not 100 MiB; a full inflate would take far longer on a busy machine.
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"took {stopwatch.Elapsed}");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(decoded);
        }
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public void TryDecode_DataExactlyAtTheBound_IsNotTruncated(string coding)
    {
        var data = new byte[4096];
        Random.Shared.NextBytes(data);

        Assert.True(ContentDecoder.TryDecode(coding, Codec.Encode(coding, data), data.Length, out var decoded, out var length, out var truncated));

        Assert.False(truncated);
        Assert.Equal(data, decoded.AsSpan(0, length).ToArray());
        ArrayPool<byte>.Shared.Return(decoded);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public void TryDecode_ZeroBound_ReportsTruncation(string coding)
    {
        Assert.True(ContentDecoder.TryDecode(coding, Codec.Encode(coding, "x"u8), 0, out _, out var length, out var truncated));
        Assert.Equal(0, length);
        Assert.True(truncated);
    }

    [Fact]
    public void TryDecode_NegativeBound_ReturnsFalse()
    {
        Assert.False(ContentDecoder.TryDecode(null, [1], -1, out _, out _, out _));
    }

    private static byte[] CompressZeros(string coding, int size)
    {
        using var output = new MemoryStream();
        // zlib's best level is as fast as its fastest on zeros and ten times denser; brotli's best is slow.
        using (var stream = Codec.Open(coding, output, coding == "br" ? CompressionLevel.Fastest : CompressionLevel.Optimal))
        {
            var zeros = new byte[MiB];
            for (var written = 0; written < size; written += zeros.Length)
            {
                stream.Write(zeros);
            }
        }

        return output.ToArray();
    }

    // RFC 9110 §8.4: codings are listed in the order applied, so they are undone last first.
    [Theory]
    [InlineData("gzip, gzip", new[] { "gzip", "gzip" })]
    [InlineData("gzip, br", new[] { "gzip", "br" })]
    [InlineData("deflate,gzip", new[] { "deflate", "gzip" })]
    [InlineData("br, identity, gzip, deflate", new[] { "br", "gzip", "deflate" })]
    public void TryDecode_StackedCodings_UndoneInReverseOrder(string header, string[] applied)
    {
        var original = "{\"message\":\"Grade must be between 1 and 12.\"}"u8.ToArray();
        var encoded = applied.Aggregate(original, (data, coding) => Codec.Encode(coding, data));

        Assert.True(ContentDecoder.TryDecode(header, encoded, 1 * MiB, out var decoded, out var length, out var truncated));

        Assert.Equal(original, decoded.AsSpan(0, length).ToArray());
        Assert.False(truncated);
        ArrayPool<byte>.Shared.Return(decoded);
    }

    [Fact]
    public void TryDecode_StackedCodingsInTheWrongOrder_ReturnsFalse()
    {
        var encoded = Codec.Encode("br", Codec.Encode("gzip", "{\"message\":\"x\"}"u8));

        Assert.False(ContentDecoder.TryDecode("br, gzip", encoded, 1 * MiB, out _, out _, out _));
    }

    // A bomb inside a second coding is bounded at every step: the inner step never produces more than the bound.
    [Fact]
    public void TryDecode_StackedBomb_BoundedAndTruncated()
    {
        var encoded = Codec.Encode("gzip", Codec.Encode("gzip", new byte[64 * MiB], CompressionLevel.SmallestSize));

        Assert.True(ContentDecoder.TryDecode("gzip, gzip", encoded, 64 * 1024, out var decoded, out var length, out var truncated));

        Assert.Equal(64 * 1024, length);
        Assert.True(truncated);
        ArrayPool<byte>.Shared.Return(decoded);
    }
}
