using System.Net;
using Gateway.Proxy;
using Gateway.Transforms.Preconditions;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Gateway.Preconditions;

/// <summary>
/// Reads the current representation of a write's target with a GET built by the route's own transforms (same
/// path rewriting, same credentials and correlation id), sent through the cluster's YARP client.
/// </summary>
internal static class CurrentRepresentationFetcher
{
    private static readonly TimeSpan s_defaultTimeout = TimeSpan.FromSeconds(100); // YARP's default ActivityTimeout

    // The probe asks for the full identity representation, unconditionally.
    private static readonly string[] s_removed =
    [
        HeaderNames.IfMatch, HeaderNames.IfNoneMatch, HeaderNames.IfModifiedSince, HeaderNames.IfUnmodifiedSince,
        HeaderNames.IfRange, HeaderNames.Range, HeaderNames.AcceptEncoding, HeaderNames.Expect,
    ];

    /// <summary>Builds the probe GET for the request being handled, addressed to <paramref name="destination"/>.</summary>
    public static async Task<HttpRequestMessage> CreateProbeAsync(
        HttpContext context, IReverseProxyFeature proxy, DestinationState destination, CancellationToken cancellationToken)
    {
        var prefix = destination.Model.Config.Address;
        var probe = new HttpRequestMessage(HttpMethod.Get, (Uri?)null);
        await proxy.Route.Transformer.TransformRequestAsync(context, probe, prefix, cancellationToken);
        probe.RequestUri ??= RequestUtilities.MakeDestinationAddress(prefix, context.Request.Path, context.Request.QueryString);
        probe.Method = HttpMethod.Get;
        probe.Content = null;
        foreach (var name in s_removed)
        {
            probe.Headers.Remove(name);
        }

        var config = proxy.Cluster.Config.HttpRequest;
        probe.Version = config?.Version ?? HttpVersion.Version20;
        probe.VersionPolicy = config?.VersionPolicy ?? HttpVersionPolicy.RequestVersionOrLower;
        return probe;
    }

    /// <summary>
    /// Sends the probe. 2xx: the resource exists, tagged by the upstream's ETag or, with <paramref name="deriveTag"/>, one
    /// derived from the identity body (none past <paramref name="maxBodyBytes"/> or for an encoded body); 404/410: missing;
    /// 401/403: that status; anything else, a transport failure or a timeout: 502. Throws only when
    /// <paramref name="cancellationToken"/> fires.
    /// </summary>
    public static async Task<CurrentRepresentation> FetchAsync(
        HttpRequestMessage probe, ClusterModel cluster, int maxBodyBytes, BufferBudget budget, bool deriveTag, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(cluster.Config.HttpRequest?.ActivityTimeout ?? s_defaultTimeout);
        try
        {
            using var response = await cluster.HttpClient.SendAsync(probe, timeout.Token);
            var status = (int)response.StatusCode;
            if (status is StatusCodes.Status404NotFound or StatusCodes.Status410Gone)
            {
                return CurrentRepresentation.Missing;
            }

            if (status is < 200 or > 299)
            {
                return CurrentRepresentation.Failed(status is 401 or 403 ? status : StatusCodes.Status502BadGateway);
            }

            var lastModified = ConditionalRequest.ParseDate(Field(response, HeaderNames.LastModified));
            if (UpstreamETagField.Read(Field(response, HeaderNames.ETag), out var verbatim) is { } upstreamTag)
            {
                // A tag the gateway had to quote is not one the upstream could compare: it is checked here only.
                return new(new ResourceState(true, upstreamTag, lastModified), TagFromUpstream: verbatim, null);
            }

            var content = response.Content;
            var encoded = content.Headers.ContentEncoding.Any(e => !e.Equals("identity", StringComparison.OrdinalIgnoreCase));
            if (!deriveTag || encoded || content.Headers.ContentLength > maxBodyBytes)
            {
                return new(new ResourceState(true, null, lastModified), false, null);
            }

            await using var stream = await content.ReadAsStreamAsync(timeout.Token);
            using var body = await BodyBuffer.ReadAsync(stream, maxBodyBytes, content.Headers.ContentLength, budget, timeout.Token);
            var tag = body.Exceeded ? (EntityTag?)null : EntityTagGenerator.Compute(body.Memory.Span);
            return new(new ResourceState(true, tag, lastModified), false, null);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or IOException or OperationCanceledException)
        {
            return CurrentRepresentation.Failed(StatusCodes.Status502BadGateway);
        }
    }

    private static string? Field(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) || response.Content.Headers.NonValidated.TryGetValues(name, out values)
            ? values.ToString()
            : null;
}
