namespace Gateway.Middleware;

/// <summary>Correlation id rules: a client's id is kept only when well formed, so logs cannot be forged or flooded.</summary>
internal static class CorrelationId
{
    public const int MaxLength = 128;

    public static bool IsWellFormed(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A random (version 4) UUID as 32 lower-case hex digits.</summary>
    /// <remarks>
    /// From the runtime's fast generator, not <see cref="Guid.NewGuid"/>, which costs a getrandom system call per id
    /// here (about 1 µs). An id is a label, not a secret: a client may send its own, and Envoy's request ids come from
    /// a seeded generator the same way.
    /// </remarks>
    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
#pragma warning disable CA5394 // not used for security: see remarks
        Random.Shared.NextBytes(bytes);
#pragma warning restore CA5394
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4: the high nibble of the third group (little-endian)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes).ToString("N");
    }
}
