using System.Net;
using System.Net.Sockets;

namespace Gateway.Transforms.Headers;

/// <summary>
/// Whether a URL's host can only mean something inside the operator's network: loopback, private and link-local
/// addresses, single-label names and internal DNS suffixes. Public hosts always have a dot and a public address.
/// </summary>
public static class InternalHost
{
    private static readonly string[] s_internalSuffixes = [".internal", ".local", ".localdomain", ".corp", ".lan", ".intra", ".intranet", ".home.arpa", ".localhost", ".svc", ".consul"];

    /// <summary>True when the host is not reachable from the public internet by that name or address.</summary>
    public static bool IsInternal(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            return IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) && IsInternal(address);
        }

        var host = uri.IdnHost.TrimEnd('.');
        if (host.Length == 0 || !host.Contains('.', StringComparison.Ordinal) || host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var suffix in s_internalSuffixes)
        {
            if (host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInternal(IPAddress address)
    {
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        }

        Span<byte> b = stackalloc byte[4];
        address.TryWriteBytes(b, out _);
        return b[0] == 10
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127); // carrier-grade NAT, used inside clouds
    }
}
