using System.Buffers;
using Gateway.Tests.Transforms.Corpus;
using Gateway.Tests.Transforms.Compression;
using Gateway.Transforms.Compression;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Tests.Transforms.Errors;

public class ErrorNormalizerCorpusTests
{
    private const int MaxBody = 256 * 1024;

    public static TheoryData<string, ErrorProfileKind> Cases()
    {
        var data = new TheoryData<string, ErrorProfileKind>();
        foreach (var corpusCase in UpstreamCorpus.All)
        {
            data.Add(corpusCase.Name, ErrorProfileKind.EdFi);
            data.Add(corpusCase.Name, ErrorProfileKind.ProblemDetails);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_CorpusResponse_MatchesExpectedVerdict(string name, ErrorProfileKind kind)
    {
        var corpusCase = UpstreamCorpus.Get(name);
        var expected = corpusCase.For(kind);

        var verdict = NormalizeAsReceived(corpusCase, ErrorProfile.For(kind));

        Assert.Equal(expected.Status, verdict.Status);
        Assert.Equal(expected.Message, verdict.Message);
        Assert.Equal(expected.PassThrough, verdict.PassThrough);
        Assert.Equal(corpusCase.Integrity, verdict.IntegrityViolation);
        if (corpusCase.Leaks == LeakKinds.None)
        {
            Assert.Equal(LeakKinds.None, verdict.Leaks);
        }
        else
        {
            Assert.True((verdict.Leaks & corpusCase.Leaks) == corpusCase.Leaks, $"expected at least {corpusCase.Leaks}, found {verdict.Leaks}");
        }

        Assert.Equal(LeakKinds.None, LeakScanner.Scan(verdict.Message));
    }

    [Fact]
    public void Corpus_Size_CoversAtLeastEightyResponses()
    {
        Assert.True(UpstreamCorpus.All.Count >= 80, $"corpus has {UpstreamCorpus.All.Count} cases");
    }

    // Compressed cases go through the decoder first, as the adapter does.
    private static ErrorVerdict NormalizeAsReceived(CorpusCase corpusCase, ErrorProfile profile)
    {
        var raw = corpusCase.RawBytes;
        if (corpusCase.ContentEncoding is null)
        {
            return ErrorNormalizer.Normalize(corpusCase.Status, corpusCase.ContentType, raw, corpusCase.Truncated, profile, corpusCase.Settings);
        }

        var encoded = corpusCase.EncodingLabelOnly ? raw : Codec.Encode(corpusCase.ContentEncoding, raw);
        Assert.True(ContentDecoder.TryDecode(corpusCase.ContentEncoding, encoded, MaxBody, out var decoded, out var length, out var truncated));
        try
        {
            return ErrorNormalizer.Normalize(corpusCase.Status, corpusCase.ContentType, decoded.AsSpan(0, length), truncated || corpusCase.Truncated, profile, corpusCase.Settings);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(decoded);
        }
    }
}
