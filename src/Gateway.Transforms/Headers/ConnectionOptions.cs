namespace Gateway.Transforms.Headers;

/// <summary>
/// The header names a <c>Connection</c> field nominates as hop-by-hop. RFC 9110 §7.6.1: a proxy removes them before it
/// forwards the message, so a backend's <c>Connection: X-Internal-Node</c> keeps <c>X-Internal-Node</c> on its own hop,
/// as Go's ReverseProxy, Linkerd and Spring Cloud Gateway do. YARP drops only the standard hop-by-hop fields.
/// </summary>
public static class ConnectionOptions
{
    /// <summary>The nominated names in one field value, in order. Skipped: anything not a token, <c>close</c> and
    /// <c>keep-alive</c>, and <c>upgrade</c> and <c>te</c>, whose headers YARP already forwards or drops by its own rules
    /// (a WebSocket upgrade, gRPC's <c>TE: trailers</c>).</summary>
    public static NameEnumerator Names(string? value) => new(value);

    /// <summary>Walks a comma-separated list without allocating; nearly every value is a lone <c>keep-alive</c>.</summary>
    public ref struct NameEnumerator(string? value)
    {
        private ReadOnlySpan<char> _rest = value;

        /// <summary>The current name.</summary>
        public ReadOnlySpan<char> Current { get; private set; }

        /// <summary>This enumerator, for <c>foreach</c>.</summary>
        public readonly NameEnumerator GetEnumerator() => this;

        /// <summary>Moves to the next nominated name.</summary>
        public bool MoveNext()
        {
            while (!_rest.IsEmpty)
            {
                var comma = _rest.IndexOf(',');
                var member = (comma < 0 ? _rest : _rest[..comma]).Trim(" \t");
                _rest = comma < 0 ? [] : _rest[(comma + 1)..];
                if (IsHeaderName(member))
                {
                    Current = member;
                    return true;
                }
            }

            return false;
        }

        private static bool IsHeaderName(ReadOnlySpan<char> member) =>
            !member.IsEmpty
            && !member.ContainsAnyExcept(s_tokenChars)
            && !member.Equals("close", StringComparison.OrdinalIgnoreCase)
            && !member.Equals("keep-alive", StringComparison.OrdinalIgnoreCase)
            && !member.Equals("upgrade", StringComparison.OrdinalIgnoreCase)
            && !member.Equals("te", StringComparison.OrdinalIgnoreCase);
    }

    // RFC 9110 §5.6.2 tchar.
    private static readonly System.Buffers.SearchValues<char> s_tokenChars =
        System.Buffers.SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
}
