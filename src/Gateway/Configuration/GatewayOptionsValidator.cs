using System.Globalization;
using Gateway.Transforms.Errors;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Configuration;

/// <summary>Cross-field checks of the <c>Gateway</c> section, each problem located by its configuration path.</summary>
internal static class GatewayOptionsValidator
{
    private const int MinErrorBodyBytes = 1024;
    private const int MaxErrorBodyBytes = 64 * 1024 * 1024;
    private const int MaxErrorBodyTimeoutSeconds = 300;
    private const long MinBufferedBytes = 1024 * 1024;
    private const long MaxBufferedBytes = 64L * 1024 * 1024 * 1024;

    public static void Validate(GatewayOptions options, IReadOnlyList<RouteConfig> routes, List<ConfigProblem> problems)
    {
        const string Root = GatewayOptions.SectionName;

        if (!Enum.IsDefined(options.DefaultProfile))
        {
            problems.Add(new($"{Root}:DefaultProfile", "must be EdFi or ProblemDetails"));
        }

        if (string.IsNullOrWhiteSpace(options.CorrelationIdHeader) || !IsToken(options.CorrelationIdHeader))
        {
            problems.Add(new($"{Root}:CorrelationIdHeader", "must be a valid HTTP header name"));
        }

        for (var i = 0; i < options.StripResponseHeaders.Count; i++)
        {
            var name = options.StripResponseHeaders[i];
            if (name is "*")
            {
                problems.Add(new($"{Root}:StripResponseHeaders:{i}", "'*' would remove every header: name a family, e.g. 'X-Internal-*'"));
            }
            else if (string.IsNullOrWhiteSpace(name) || !IsToken(name) || name.IndexOf('*') is >= 0 and var star && star != name.Length - 1)
            {
                problems.Add(new($"{Root}:StripResponseHeaders:{i}", $"'{name}' is not a valid HTTP header name (a '*' may only end one, as in 'X-Internal-*')"));
            }
        }

        CheckHeaderNames(options.StripRequestHeaders, "StripRequestHeaders", problems);
        CheckHeaderNames(options.KeepRequestHeaders, "KeepRequestHeaders", problems);

        if (options.MaxErrorBodyBytes is < MinErrorBodyBytes or > MaxErrorBodyBytes)
        {
            problems.Add(new($"{Root}:MaxErrorBodyBytes", $"must be between {MinErrorBodyBytes} and {MaxErrorBodyBytes}"));
        }

        if (options.ErrorBodyTimeoutSeconds is < 1 or > MaxErrorBodyTimeoutSeconds)
        {
            problems.Add(new($"{Root}:ErrorBodyTimeoutSeconds", $"must be between 1 and {MaxErrorBodyTimeoutSeconds}"));
        }

        if (options.MaxBufferedBytes is < MinBufferedBytes or > MaxBufferedBytes)
        {
            problems.Add(new($"{Root}:MaxBufferedBytes", $"must be between {MinBufferedBytes} and {MaxBufferedBytes}"));
        }

        if (options.MaxJsonRequestBodyBytes is < MinErrorBodyBytes or > MaxErrorBodyBytes)
        {
            problems.Add(new($"{Root}:MaxJsonRequestBodyBytes", $"must be between {MinErrorBodyBytes} and {MaxErrorBodyBytes}"));
        }

        if (!Enum.IsDefined(options.RequestLog))
        {
            problems.Add(new($"{Root}:RequestLog", "must be All, Errors or Off"));
        }

        if (options.LogBufferMilliseconds is < 0 or > GatewayOptions.MaxLogBufferMilliseconds)
        {
            problems.Add(new($"{Root}:LogBufferMilliseconds", $"must be between 0 and {GatewayOptions.MaxLogBufferMilliseconds}"));
        }

        if (options.ShutdownTimeoutSeconds is < 0 or > 3600)
        {
            problems.Add(new($"{Root}:ShutdownTimeoutSeconds", "must be between 0 and 3600"));
        }

        Observability.ObservabilityOptionsValidator.Validate(options.Observability, options.Admin, problems);

        Preconditions.ETagOptionsValidator.ValidateLock(options.ETagLock, problems);
        var routeIds = new HashSet<string>(routes.Select(r => r.RouteId), StringComparer.OrdinalIgnoreCase);
        foreach (var (routeId, route) in options.Routes)
        {
            var path = $"{Root}:Routes:{routeId}";
            if (!routeIds.Contains(routeId))
            {
                problems.Add(new(path, $"there is no route '{routeId}' in ReverseProxy:Routes"));
            }

            if (route.Profile is { } kind && !Enum.IsDefined(kind))
            {
                problems.Add(new($"{path}:Profile", "must be EdFi or ProblemDetails"));
            }

            Preconditions.ETagOptionsValidator.Validate(route.ETags, options.ETagLock, path, problems);
            var profile = ErrorProfile.For(route.Profile ?? options.DefaultProfile);
            foreach (var (from, to) in route.StatusMap)
            {
                if (!TryParseStatus(from, out var source))
                {
                    problems.Add(new($"{path}:StatusMap:{from}", "the key must be an HTTP status code (100-599)"));
                }
                else if (StatusMapTarget.Check(source, to, profile) is { } problem)
                {
                    problems.Add(new($"{path}:StatusMap:{from}", problem));
                }
            }

            ResponseRuleValidator.Validate(route, profile, path, problems);
        }

        Auth.AuthOptionsValidator.Validate(options, routes, problems);
    }

    // Three digits exactly: "0418" would be a second key for 418, which the compiled map cannot hold.
    public static bool TryParseStatus(string text, out int status) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out status) && status is >= 100 and <= 599 && text.Length == 3;

    // RFC 9110 §5.6.2 token characters.
    private static void CheckHeaderNames(List<string> names, string key, List<ConfigProblem> problems)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]) || !IsToken(names[i]))
            {
                problems.Add(new($"{GatewayOptions.SectionName}:{key}:{i}", $"'{names[i]}' is not a valid HTTP header name"));
            }
        }
    }

    internal static bool IsToken(string value) =>
        value.All(c => c < 128 && (char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal)));
}
