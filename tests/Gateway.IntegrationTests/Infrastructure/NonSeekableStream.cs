namespace Gateway.IntegrationTests.Infrastructure;

/// <summary>A body whose length HttpClient cannot know, so it is sent chunked.</summary>
internal sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
{
    public override bool CanSeek => false;
}
