using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Kestrel;

/// <summary>
/// Listens for Kestrel's "bad request" diagnostic event, which fires when Kestrel refuses a request and before it
/// writes its answer, and marks that connection's <see cref="PendingRejection"/>.
/// </summary>
internal sealed class BadRequestObserver : IObserver<KeyValuePair<string, object?>>, IDisposable
{
    /// <summary>The event name Kestrel writes (HttpProtocol.SetBadRequestState).</summary>
    public const string EventName = "Microsoft.AspNetCore.Server.Kestrel.BadRequest";

    private readonly IDisposable _subscription;

    public BadRequestObserver(DiagnosticListener listener) =>
        _subscription = listener.Subscribe(this, static name => name == EventName);

    public void OnNext(KeyValuePair<string, object?> value)
    {
        // The payload is the request's feature collection, which falls back to the connection's features.
        if (value.Key == EventName && value.Value is IFeatureCollection features
            && features[typeof(PendingRejection)] is PendingRejection pending)
        {
            var method = features.Get<IHttpRequestFeature>()?.Method;
            pending.Mark(HttpMethods.IsHead(method ?? ""));
        }
    }

    public void OnError(Exception error)
    {
    }

    public void OnCompleted()
    {
    }

    public void Dispose() => _subscription.Dispose();
}
