namespace Bench.Soak;

/// <summary>The traffic mix: success, upstream errors of every legacy shape, auth failures and rate-limited requests.</summary>
internal static class SoakMix
{
    public static IReadOnlyList<SoakCase> Cases { get; } =
    [
        new("ok", "/soak/ok", Credential.Valid, [200], false, 30, "200 JSON (300 B)"),
        new("ok-64k", "/soak/ok64k", Credential.Valid, [200], false, 5, "200 JSON (64 KiB)"),
        new("slow", "/soak/slow", Credential.Valid, [200], false, 5, "200 JSON after 50–300 ms"),
        new("yellow-500", "/soak/yellow", Credential.Valid, [500], true, 8, "500 HTML yellow screen: exception, stack trace, paths"),
        new("sql-500", "/soak/sql", Credential.Valid, [500], true, 6, "500 text/plain SqlException with stack trace"),
        new("integrity-500", "/soak/integrity", Credential.Valid, [409], true, 3, "500 JSON duplicate-key violation (→ 409)"),
        new("soap-500", "/soak/soap", Credential.Valid, [500], true, 5, "500 SOAP fault with a Java stack trace"),
        new("notfound-404", "/soak/notfound", Credential.Valid, [404], false, 8, "404 clean JSON"),
        new("leaky-400", "/soak/leaky400", Credential.Valid, [400], false, 5, "400 JSON whose message holds a Python traceback and a connection string"),
        new("reset", "/soak/reset", Credential.Valid, [500], true, 2, "connection aborted before any response"),
        new("reset-mid-500", "/soak/resetmid", Credential.Valid, [500], true, 2, "500 headers, half the body, then abort"),
        new("no-key", "/soak/ok", Credential.Missing, [401], false, 7, "(gateway) no API key"),
        new("wrong-key", "/soak/ok", Credential.Wrong, [401], false, 7, "(gateway) unknown API key"),
        new("limited", "/limited/ok", Credential.Valid, [200, 429], false, 7, "(gateway) route limited to 20 requests/s"),
    ];
}
