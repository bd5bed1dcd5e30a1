using Gateway.Auth;
using Gateway.Auth.Proxy;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Gateway.Preconditions;

/// <summary>
/// What a validator cache entry is keyed by inside its route: host, request target as received (path and query,
/// still encoded, so no two targets run together) and the authenticated caller (authentication type, client id,
/// subject); nothing for an anonymous caller. Written into a caller's buffer, so a lookup allocates nothing.
/// </summary>
internal readonly struct ValidatorCacheKey
{
    private const char Separator = '\n'; // cannot occur in a host, an encoded target or a caller's header-safe ids
    private readonly string _host;
    private readonly string _target;
    private readonly string? _authenticationType;
    private readonly string? _clientId;
    private readonly string? _subject;

    private ValidatorCacheKey(string host, string target, string? authenticationType, string? clientId, string? subject, bool keyedByCaller)
    {
        _host = host;
        _target = target;
        _authenticationType = authenticationType;
        _clientId = clientId;
        _subject = subject;
        KeyedByCaller = keyedByCaller;
    }

    /// <summary>Whether the key holds an authenticated caller (then <c>Cache-Control: private</c> may be recorded).</summary>
    public bool KeyedByCaller { get; }

    /// <summary>The key's length in characters.</summary>
    public int Length =>
        _host.Length + 1 + _target.Length + 1
        + (KeyedByCaller ? (_authenticationType?.Length ?? 0) + 1 + (_clientId?.Length ?? 0) + 1 + (_subject?.Length ?? 0) : 0);

    /// <summary>
    /// The key of a request, or false when the request must bypass the cache: an anonymous request that carries
    /// <c>Authorization</c>, a cookie or the API-key header (the upstream may answer per credential the gateway did not
    /// check), or an authenticated caller with neither client id nor subject to tell it apart from others.
    /// </summary>
    public static bool TryCreate(HttpContext context, string? apiKeyHeader, out ValidatorCacheKey key)
    {
        key = default;
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || target.Contains(Separator, StringComparison.Ordinal))
        {
            return false;
        }

        var host = request.Headers.Host.ToString();
        if (AuthenticatedCaller.Of(context) is not { } user)
        {
            if (request.Headers.ContainsKey(HeaderNames.Authorization) || request.Headers.ContainsKey(HeaderNames.Cookie)
                || (apiKeyHeader is not null && request.Headers.ContainsKey(apiKeyHeader)))
            {
                return false;
            }

            key = new(host, target, null, null, null, keyedByCaller: false);
            return true;
        }

        var caller = CallerHeaderValues.Of(user);
        if (caller.ClientId is null && caller.Subject is null)
        {
            return false;
        }

        var authenticationType = user.Identity?.AuthenticationType;
        if (authenticationType?.Contains(Separator, StringComparison.Ordinal) == true)
        {
            return false;
        }

        key = new(host, target, authenticationType, caller.ClientId, caller.Subject, keyedByCaller: true);
        return true;
    }

    /// <summary>Writes the key; <paramref name="destination"/> must be <see cref="Length"/> long.</summary>
    public void CopyTo(Span<char> destination)
    {
        var at = Append(destination, 0, _host);
        at = Append(destination, at, _target);
        if (KeyedByCaller)
        {
            at = Append(destination, at, _authenticationType);
            at = Append(destination, at, _clientId);
            _subject.AsSpan().CopyTo(destination[at..]);
        }
    }

    private static int Append(Span<char> destination, int at, string? part)
    {
        part.AsSpan().CopyTo(destination[at..]);
        at += part?.Length ?? 0;
        destination[at] = Separator;
        return at + 1;
    }
}
