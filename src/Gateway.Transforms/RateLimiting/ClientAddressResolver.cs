using System.Net;

namespace Gateway.Transforms.RateLimiting;

/// <summary>
/// Finds the client's address: the peer's, unless the peer is a trusted proxy, in which case <c>X-Forwarded-For</c>
/// is walked from the right past trusted proxies only. An untrusted peer can therefore not choose its own address.
/// </summary>
internal static class ClientAddressResolver
{
    /// <summary>Bounds the work a long header can cause.</summary>
    public const int MaxHops = 32;

    /// <param name="peer">The connection's remote address.</param>
    /// <param name="forwardedFor">The <c>X-Forwarded-For</c> field lines, in order (each may hold a comma-separated list).</param>
    /// <param name="trusted">Proxies and networks allowed to speak for the client.</param>
    public static IPAddress? Resolve(IPAddress? peer, IReadOnlyList<string?> forwardedFor, IReadOnlyList<IPNetwork> trusted)
    {
        var client = peer is null ? null : Normalize(peer);
        if (client is null || trusted.Count == 0 || forwardedFor.Count == 0)
        {
            return client;
        }

        var hops = 0;
        for (var line = forwardedFor.Count - 1; line >= 0; line--)
        {
            var entries = (forwardedFor[line] ?? "").Split(',');
            for (var i = entries.Length - 1; i >= 0; i--)
            {
                if (!IsTrusted(client, trusted) || ++hops > MaxHops)
                {
                    return client;
                }

                if (!TryParse(entries[i].AsSpan().Trim(), out var hop))
                {
                    // "unknown", an obfuscated id or garbage: the last trusted hop is the best we know.
                    return client;
                }

                client = hop;
            }
        }

        return client;
    }

    /// <summary>True when the address lies in one of the networks.</summary>
    public static bool IsTrusted(IPAddress address, IReadOnlyList<IPNetwork> networks)
    {
        foreach (var network in networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses one address or network (<c>10.0.0.1</c>, <c>10.0.0.0/8</c>, <c>::1</c>, <c>fd00::/8</c>).</summary>
    public static bool TryParseNetwork(string? text, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (!trimmed.Contains('/', StringComparison.Ordinal))
        {
            if (!IPAddress.TryParse(trimmed, out var single))
            {
                return false;
            }

            single = Normalize(single);
            network = new IPNetwork(single, single.GetAddressBytes().Length * 8);
            return true;
        }

        return IPNetwork.TryParse(trimmed, out network);
    }

    // An IPv4 client on a dual-stack socket shows up as ::ffff:a.b.c.d; limits and networks are written as IPv4.
    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static bool TryParse(ReadOnlySpan<char> text, out IPAddress address)
    {
        if (IPAddress.TryParse(text, out address!) || (IPEndPoint.TryParse(text, out var endPoint) && (address = endPoint.Address) is not null))
        {
            address = Normalize(address);
            return true;
        }

        return false;
    }
}
