using Gateway.Configuration;

namespace Gateway.Observability;

/// <summary>Checks <c>Gateway:Observability</c> and <c>Gateway:Admin</c>, each problem located by its configuration path.</summary>
internal static class ObservabilityOptionsValidator
{
    private const string Observability = $"{GatewayOptions.SectionName}:{ObservabilityOptions.SectionName}";
    private const string Admin = $"{GatewayOptions.SectionName}:{AdminOptions.SectionName}";

    public static void Validate(ObservabilityOptions observability, AdminOptions admin, List<ConfigProblem> problems)
    {
        if (double.IsNaN(observability.TraceSampleRatio) || observability.TraceSampleRatio is < 0 or > 1)
        {
            problems.Add(new($"{Observability}:TraceSampleRatio", "must be between 0 and 1"));
        }

        // Empty counts as unset, so an environment override such as Gateway__Observability__OtlpEndpoint= turns it off.
        if (observability.OtlpEndpoint is { Length: > 0 } endpoint && !IsHttpUrl(endpoint, allowWildcardHost: false))
        {
            problems.Add(new($"{Observability}:OtlpEndpoint", "must be an absolute http or https URL"));
        }

        if (!Enum.IsDefined(observability.OtlpProtocol))
        {
            problems.Add(new($"{Observability}:OtlpProtocol", "must be Grpc or HttpProtobuf"));
        }

        if (string.IsNullOrWhiteSpace(observability.ServiceName))
        {
            problems.Add(new($"{Observability}:ServiceName", "must not be empty"));
        }

        var urls = SplitUrls(admin.Urls);
        if (urls.Length == 0)
        {
            problems.Add(new($"{Admin}:Urls", "at least one http URL is required"));
        }

        foreach (var url in urls)
        {
            // https would need a certificate the admin listener does not load; put TLS in front of it instead.
            if (!IsHttpUrl(url, allowWildcardHost: true) || !url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new($"{Admin}:Urls", $"'{url}' is not an http URL such as http://127.0.0.1:9091"));
            }
        }
    }

    public static string[] SplitUrls(string? urls) =>
        (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsHttpUrl(string value, bool allowWildcardHost)
    {
        // Kestrel accepts http://*:port and http://+:port (all interfaces); Uri does not parse those hosts.
        var candidate = allowWildcardHost ? value.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal) : value;
        return Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && string.IsNullOrEmpty(uri.UserInfo);
    }
}
