using System.Buffers.Text;
using System.IO.Hashing;

namespace Gateway.Transforms.Preconditions;

/// <summary>Derives a strong entity tag from a representation's identity bytes (XxHash128, base64url).</summary>
internal static class EntityTagGenerator
{
    /// <summary>
    /// The tag for <paramref name="identityBody"/>. 128 bits make a collision between two versions of one resource
    /// negligible; XxHash128 is not cryptographic, which is fine for a validator that is not a secret.
    /// </summary>
    public static EntityTag Compute(ReadOnlySpan<byte> identityBody)
    {
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(identityBody, hash);
        Span<char> text = stackalloc char[24]; // 22 base64url characters plus the quotes
        text[0] = '"';
        var written = Base64Url.EncodeToChars(hash, text[1..]);
        text[written + 1] = '"';
        return new EntityTag(new string(text[..(written + 2)]), IsWeak: false);
    }
}
