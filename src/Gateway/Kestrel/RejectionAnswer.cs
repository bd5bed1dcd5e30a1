using System.Globalization;
using System.Text;
using Gateway.Configuration;
using Gateway.Middleware;
using Gateway.Transforms.Errors;

namespace Gateway.Kestrel;

/// <summary>
/// The standard payload that replaces Kestrel's bare rejection (malformed request line, 414, 431, bad chunking,
/// header timeout): the default profile's form and status map, a fresh correlation id, no-store, Connection: close.
/// </summary>
internal sealed partial class RejectionAnswer(GatewaySnapshotAccessor store, ILogger<RejectionAnswer> logger)
{
    /// <summary>The correlation header name in force; its presence marks an answer the pipeline already made.</summary>
    public string CorrelationHeader => store.Current.Options.CorrelationIdHeader;

    /// <summary>The complete replacement response (head and body) for Kestrel's <paramref name="kestrelStatus"/>.</summary>
    public byte[] Build(int kestrelStatus, string? date, bool isHead)
    {
        var snapshot = store.Current;
        var policy = snapshot.DefaultPolicy;
        // Whatever Kestrel refuses is the client's fault, even its 505 for an unknown HTTP version.
        var meant = kestrelStatus >= 500 ? StatusCodes.Status400BadRequest : kestrelStatus;
        var status = policy.MapStatus(meant);
        var correlationId = CorrelationId.NewId();
        // No instance: the request target may not have parsed, and it is the attacker's text.
        var error = new StandardError(status, StatusDefaults.GenericMessage(meant), correlationId, Instance: null);
        var body = policy.Profile.CarriesBody(status) ? ErrorPayloadWriter.ToUtf8Bytes(policy.Profile, error) : [];
        Log.Rejected(logger, kestrelStatus, status, correlationId);

        var head = new StringBuilder(256)
            .Append("HTTP/1.1 ").Append(status.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(StatusDefaults.Title(status)).Append("\r\n");
        if (body.Length > 0)
        {
            head.Append("Content-Type: ").Append(policy.Profile.ContentType).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("Cache-Control: no-store\r\n")
            .Append("Connection: close\r\n");
        if (date is not null)
        {
            head.Append("Date: ").Append(date).Append("\r\n");
        }

        head.Append(snapshot.Options.CorrelationIdHeader).Append(": ").Append(correlationId).Append("\r\n\r\n");
        var headBytes = Encoding.ASCII.GetBytes(head.ToString());
        return isHead ? headBytes : [.. headBytes, .. body];
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Request refused by the server before the pipeline ({KestrelStatus}), answered {Status} (correlation id {CorrelationId})")]
        public static partial void Rejected(ILogger logger, int kestrelStatus, int status, string correlationId);
    }
}
