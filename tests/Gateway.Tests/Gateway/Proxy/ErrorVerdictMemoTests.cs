using System.Text;
using Gateway.Proxy;
using Gateway.Tests.Transforms.Corpus;
using Gateway.Transforms.Errors;

namespace Gateway.Tests.Gateway.Proxy;

/// <summary>A remembered verdict is the one a fresh classification gives, for exactly the same inputs and no others.</summary>
public sealed class ErrorVerdictMemoTests
{
    private static readonly ErrorProfile[] s_profiles = [ErrorProfile.EdFi, ErrorProfile.ProblemDetails];

    [Fact]
    public void Corpus_ThirdSighting_IsAnsweredFromMemory_WithTheFreshVerdict()
    {
        var memo = new ErrorVerdictMemo();
        var small = 0;
        foreach (var c in UpstreamCorpus.All)
        {
            var body = c.RawBytes;
            foreach (var profile in s_profiles)
            {
                var fresh = ErrorNormalizer.Normalize(c.Status, c.ContentType, body, c.Truncated, profile, c.Settings);
                Assert.Equal(fresh, memo.Normalize(c.Status, c.ContentType, body, c.Truncated, profile, c.Settings));
                Assert.Equal(fresh, memo.Normalize(c.Status, c.ContentType, body, c.Truncated, profile, c.Settings));

                // A first sighting marks the slot, a second keeps a copy: the third is answered from it.
                var hitsBefore = memo.Hits;
                Assert.Equal(fresh, memo.Normalize(c.Status, c.ContentType, body, c.Truncated, profile, c.Settings));
                var expectedHits = body.Length <= ErrorVerdictMemo.MaxBodyBytes ? 1 : 0;
                small += expectedHits;
                Assert.True(memo.Hits - hitsBefore == expectedHits, $"{c.Name} ({profile.Kind}): {memo.Hits - hitsBefore} hits");
            }
        }

        Assert.True(small > 150, $"only {small} corpus sightings were small enough to remember");
    }

    [Fact]
    public void SameBytes_DifferentStatusContentTypeTruncationOrSettings_EachGetsItsOwnVerdict()
    {
        var body = "{\"message\":\"Student 12 was not found.\"}"u8.ToArray();
        var show5xx = new NormalizerSettings { ShowUpstream5xxMessages = true };
        var remapped = new NormalizerSettings { StatusMap = new Dictionary<int, int> { [404] = 410 } };
        (int Status, string? Type, bool Truncated, ErrorProfile Profile, NormalizerSettings Settings)[] inputs =
        [
            (404, "application/json", false, ErrorProfile.EdFi, NormalizerSettings.Default),
            (500, "application/json", false, ErrorProfile.EdFi, NormalizerSettings.Default),
            (500, "application/json", false, ErrorProfile.EdFi, show5xx),
            (404, "application/json", true, ErrorProfile.EdFi, NormalizerSettings.Default),
            (404, "text/plain", false, ErrorProfile.EdFi, NormalizerSettings.Default),
            (404, "application/json", false, ErrorProfile.ProblemDetails, NormalizerSettings.Default),
            (404, "application/json", false, ErrorProfile.ProblemDetails, remapped),
        ];

        var memo = new ErrorVerdictMemo();
        var fresh = inputs.Select(i => ErrorNormalizer.Normalize(i.Status, i.Type, body, i.Truncated, i.Profile, i.Settings)).ToArray();
        Assert.True(fresh.Distinct().Count() >= 4, "the inputs should lead to different verdicts, or this test proves nothing");

        // Interleaved, several times over: every input is remembered and none answers for another.
        for (var round = 0; round < 4; round++)
        {
            for (var i = 0; i < inputs.Length; i++)
            {
                var (status, type, truncated, profile, settings) = inputs[i];
                Assert.Equal(fresh[i], memo.Normalize(status, type, body, truncated, profile, settings));
            }
        }

        // The same body under several keys shares one slot; one key asked repeatedly keeps it.
        for (var i = 0; i < inputs.Length; i++)
        {
            var (status, type, truncated, profile, settings) = inputs[i];
            var hits = memo.Hits;
            for (var repeat = 0; repeat < 3; repeat++)
            {
                Assert.Equal(fresh[i], memo.Normalize(status, type, body, truncated, profile, settings));
            }

            Assert.True(memo.Hits > hits, $"input {i} was never answered from memory");
        }
    }

    [Fact]
    public void BodyChangedByOneByte_IsClassifiedAgain()
    {
        var clean = Encoding.UTF8.GetBytes("{\"message\":\"Student 12 was not found in C-1 today.\"}");
        var leaky = Encoding.UTF8.GetBytes("{\"message\":\"Student 12 was not found in C:\\\\x today.\"}");
        var memo = new ErrorVerdictMemo();
        for (var i = 0; i < 3; i++)
        {
            memo.Normalize(404, "application/json", clean, false, ErrorProfile.EdFi, NormalizerSettings.Default);
        }

        var hits = memo.Hits;
        var verdict = memo.Normalize(404, "application/json", leaky, false, ErrorProfile.EdFi, NormalizerSettings.Default);

        Assert.Equal(hits, memo.Hits);
        Assert.Equal(ErrorNormalizer.Normalize(404, "application/json", leaky, false, ErrorProfile.EdFi, NormalizerSettings.Default), verdict);
        Assert.NotEqual(LeakKinds.None, verdict.Leaks);
    }

    [Fact]
    public async Task ManyThreads_SharedMemo_AlwaysTheFreshVerdict()
    {
        var cases = UpstreamCorpus.All.Where(c => c.RawBytes.Length <= ErrorVerdictMemo.MaxBodyBytes).ToArray();
        var expected = cases.Select(c => ErrorNormalizer.Normalize(c.Status, c.ContentType, c.RawBytes, c.Truncated, ErrorProfile.EdFi, c.Settings)).ToArray();
        var memo = new ErrorVerdictMemo();

        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var round = 0; round < 6; round++)
            {
                for (var i = 0; i < cases.Length; i++)
                {
                    // Each worker walks the corpus from its own offset, so slots are written while others read them.
                    var k = (i + (w * 37)) % cases.Length;
                    var c = cases[k];
                    Assert.Equal(expected[k], memo.Normalize(c.Status, c.ContentType, c.RawBytes, c.Truncated, ErrorProfile.EdFi, c.Settings));
                }
            }
        }));
        await Task.WhenAll(workers);

        Assert.True(memo.Hits > cases.Length, $"{memo.Hits} hits over {cases.Length} bodies");
    }

    [Fact]
    public void BodyOverTheBound_IsNeverRemembered()
    {
        var body = Encoding.UTF8.GetBytes("<html><title>Error</title>" + new string('x', ErrorVerdictMemo.MaxBodyBytes) + "</html>");
        var memo = new ErrorVerdictMemo();
        for (var i = 0; i < 4; i++)
        {
            memo.Normalize(500, "text/html", body, false, ErrorProfile.EdFi, NormalizerSettings.Default);
        }

        Assert.Equal(0, memo.Hits);
    }
}
