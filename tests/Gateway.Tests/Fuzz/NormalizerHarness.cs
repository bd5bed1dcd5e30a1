using System.Buffers;
using Gateway.Transforms.Compression;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Tests.Fuzz;

/// <summary>
/// Runs one upstream error through what the gateway does with it (decode the content coding within the bound,
/// normalize, write the payload) and says what, if anything, reached the client that should not have.
/// </summary>
internal static class NormalizerHarness
{
    public static string? Violation(LeakyBody input)
    {
        // Some inputs get a bound below their size, as a large error body does: only a prefix is inspected.
        var maxBytes = input.Body.Length % 5 == 0 ? input.Body.Length / 2 : 1 << 20;
        byte[]? rented = null;
        try
        {
            var decodedOk = ContentDecoder.TryDecode(input.ContentEncoding, input.Body, maxBytes, out rented, out var length, out var truncated);
            var body = decodedOk ? rented.AsSpan(0, length) : default;
            var profile = ErrorProfile.For(input.Profile);
            var settings = input.Status % 2 == 0 ? NormalizerSettings.Default : new NormalizerSettings { ShowUpstream5xxMessages = true };

            var verdict = ErrorNormalizer.Normalize(input.Status, input.ContentType, body, truncated || !decodedOk, profile, settings);
            var payload = ErrorPayloadWriter.ToUtf8Bytes(profile, new StandardError(verdict.Status, verdict.Message, "fuzz-1", "/fuzz/1"));

            return verdict.PassThrough ? "the leaky body passes through unchanged"
                : verdict.Message.Contains(input.Leak.Trim(), StringComparison.Ordinal) ? $"the message carries the leak: '{verdict.Message}'"
                : LeakScanner.Scan(verdict.Message) is var inMessage && inMessage != LeakKinds.None ? $"the message leaks {inMessage}: '{verdict.Message}'"
                : LeakScanner.Scan(payload) is var inPayload && inPayload != LeakKinds.None ? $"the payload leaks {inPayload}: {System.Text.Encoding.UTF8.GetString(payload)}"
                : !profile.Allows(verdict.Status) ? $"status {verdict.Status} is outside the profile"
                : null;
        }
#pragma warning disable CA1031 // The point: any exception at all is the finding.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return $"escaped: {ex.GetType().Name}: {ex.Message}";
        }
        finally
        {
            if (rented is { Length: > 0 })
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
