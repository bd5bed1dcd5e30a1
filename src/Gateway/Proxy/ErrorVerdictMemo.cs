using System.IO.Hashing;
using Gateway.Transforms.Errors;

namespace Gateway.Proxy;

/// <summary>
/// Remembers the verdicts of recent upstream error bodies, keyed by their exact bytes. A failing backend tends to send
/// the same page for every request, and classifying it is the error path's largest cost. <see cref="ErrorNormalizer"/>
/// is a pure function of what an entry compares (status, content type, body, truncation, profile and settings), so a
/// hit is the verdict a fresh classification would give; the bytes are compared, not only their hash.
/// </summary>
internal sealed class ErrorVerdictMemo
{
    /// <summary>Larger bodies are classified every time: an entry keeps a copy of its body.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    // A power of two. Direct-mapped: a slot holds one entry, and a colliding body takes it over.
    private const int Slots = 256;

    private readonly Entry?[] _entries = new Entry?[Slots];

    // A body is copied into an entry only when its slot saw the same hash just before: an outage that answers every
    // request with a different page (a timestamp, a request id) costs a hash per error, not a copy.
    private readonly ulong[] _seen = new ulong[Slots];

    // Per process, so a body crafted to collide with another cannot be prepared in advance (the bytes are compared anyway).
    private readonly long _seed = Random.Shared.NextInt64();

    private long _hits;

    /// <summary>Verdicts answered from memory since start; for tests and diagnostics.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    public ErrorVerdict Normalize(
        int upstreamStatus, string? contentType, ReadOnlySpan<byte> body, bool truncated, ErrorProfile profile, NormalizerSettings settings)
    {
        if (body.Length > MaxBodyBytes)
        {
            return ErrorNormalizer.Normalize(upstreamStatus, contentType, body, truncated, profile, settings);
        }

        var hash = XxHash3.HashToUInt64(body, _seed) ^ ((ulong)(uint)upstreamStatus * 0x9E3779B97F4A7C15UL);
        var slot = (int)(hash & (Slots - 1));
        var entry = Volatile.Read(ref _entries[slot]);
        if (entry is not null && entry.Matches(hash, upstreamStatus, contentType, body, truncated, profile, settings))
        {
            Interlocked.Increment(ref _hits);
            return entry.Verdict;
        }

        var verdict = ErrorNormalizer.Normalize(upstreamStatus, contentType, body, truncated, profile, settings);
        if (Volatile.Read(ref _seen[slot]) == hash)
        {
            Volatile.Write(ref _entries[slot], new Entry(hash, upstreamStatus, contentType, body.ToArray(), truncated, profile, settings, verdict));
        }
        else
        {
            Volatile.Write(ref _seen[slot], hash);
        }

        return verdict;
    }

    // Immutable: a reader sees a whole entry or the one before it. Profile and settings are compared by reference:
    // they are compiled once per config generation, so a reload never reuses an older verdict.
    private sealed class Entry(
        ulong hash, int status, string? contentType, byte[] body, bool truncated, ErrorProfile profile, NormalizerSettings settings, ErrorVerdict verdict)
    {
        public ErrorVerdict Verdict { get; } = verdict;

        public bool Matches(
            ulong otherHash, int otherStatus, string? otherContentType, ReadOnlySpan<byte> otherBody, bool otherTruncated, ErrorProfile otherProfile, NormalizerSettings otherSettings) =>
            hash == otherHash
            && status == otherStatus
            && truncated == otherTruncated
            && ReferenceEquals(profile, otherProfile)
            && ReferenceEquals(settings, otherSettings)
            && string.Equals(contentType, otherContentType, StringComparison.Ordinal)
            && otherBody.SequenceEqual(body);
    }
}
