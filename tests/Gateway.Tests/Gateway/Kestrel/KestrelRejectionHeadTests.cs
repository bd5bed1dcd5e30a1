using System.Text;
using Gateway.Kestrel;

namespace Gateway.Tests.Gateway.Kestrel;

public sealed class KestrelRejectionHeadTests
{
    private const string Correlation = "X-Correlation-Id";

    [Theory]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\nDate: Sun, 06 Dec 2026 06:00:00 GMT\r\n\r\n", 400)]
    [InlineData("HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", 431)]
    [InlineData("HTTP/1.1 414 URI Too Long\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 414)]
    [InlineData("HTTP/1.1 505 HTTP Version Not Supported\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 505)]
    [InlineData("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nAllow: GET\r\nconnection: Close\r\n\r\n", 405)]
    public void TryRead_KestrelsBareRejection_IsRecognised(string head, int status)
    {
        Assert.True(KestrelRejectionHead.TryRead(Encoding.ASCII.GetBytes(head), Correlation, out var read, out _));
        Assert.Equal(status, read);
    }

    [Theory]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\nX-Correlation-Id: abc\r\n\r\n")] // the pipeline's own answer
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")] // keeps the connection: not Kestrel's rejection
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 120\r\nConnection: close\r\n\r\n")] // has a body
    [InlineData("HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n")] // no length: not Kestrel's form
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")]
    [InlineData("HTTP/1.1 304 Not Modified\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")]
    [InlineData("HTTP/1.1 4x0 Odd\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")]
    [InlineData("\u0016\u0003\u0001 TLS record, not HTTP\r\n\r\n")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nbroken header line\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")]
    public void TryRead_AnythingElse_IsLeftAlone(string head) =>
        Assert.False(KestrelRejectionHead.TryRead(Encoding.Latin1.GetBytes(head), Correlation, out _, out _));

    [Fact]
    public void TryRead_GivesTheDate()
    {
        var head = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nDate: Sun, 06 Dec 2026 06:00:00 GMT\r\nConnection: close\r\n\r\n"u8;

        Assert.True(KestrelRejectionHead.TryRead(head, Correlation, out _, out var date));
        Assert.Equal("Sun, 06 Dec 2026 06:00:00 GMT", date);
    }

    [Theory]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\nrest", 47)]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Len", -1)]
    public void HeadLength_EndsAfterTheBlankLine(string bytes, int expected) =>
        Assert.Equal(expected, KestrelRejectionHead.HeadLength(Encoding.ASCII.GetBytes(bytes)));
}
