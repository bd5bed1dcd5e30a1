using System.Buffers;
using FsCheck.Xunit;
using Gateway.Tests.Transforms.Generators;
using Gateway.Transforms.Compression;

namespace Gateway.Tests.Transforms.Compression;

[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
public class ContentDecoderPropertyTests
{
    [Property]
    public bool TryDecode_ArbitraryBytes_NeverThrowsAndRespectsTheBound(AnyResponse response)
    {
        foreach (var coding in new[] { "gzip", "deflate", "br", null })
        {
            var maxBytes = Math.Abs(response.Status % 4096);
            if (ContentDecoder.TryDecode(coding, response.Body, maxBytes, out var decoded, out var length, out _))
            {
                ArrayPool<byte>.Shared.Return(decoded);
                if (length > maxBytes)
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property]
    public bool TryDecode_CompressedSentence_RoundTrips(CleanSentence sentence)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(sentence.Text);
        foreach (var coding in new[] { "gzip", "deflate", "br" })
        {
            if (!ContentDecoder.TryDecode(coding, Codec.Encode(coding, bytes), 1 << 20, out var decoded, out var length, out var truncated))
            {
                return false;
            }

            var same = !truncated && decoded.AsSpan(0, length).SequenceEqual(bytes);
            ArrayPool<byte>.Shared.Return(decoded);
            if (!same)
            {
                return false;
            }
        }

        return true;
    }
}
