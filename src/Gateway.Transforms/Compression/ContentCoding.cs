namespace Gateway.Transforms.Compression;

/// <summary>The content codings <see cref="ContentDecoder"/> understands.</summary>
internal enum ContentCoding
{
    Unsupported,
    Identity,
    Gzip,
    Deflate,
    Brotli,
}
