using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gateway.Proxy.Retry;
using Gateway.RateLimiting;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Headers;
using Gateway.Transforms.Rules;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Configuration;

/// <summary>
/// Reads a config file and checks all of it (JSON syntax, the gateway section, YARP routes and clusters, cross
/// references) before anything is applied, so an invalid edit never reaches the running proxy.
/// </summary>
internal sealed partial class ConfigLoader(IConfigValidator yarpValidator)
{
    private static readonly JsonDocumentOptions s_jsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly byte[] s_utf8Bom = [0xEF, 0xBB, 0xBF];

    public async Task<ConfigLoadResult> LoadAsync(string path, long generation, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(new ConfigProblem("", $"cannot read the file: {ex.Message}"));
        }

        return await LoadAsync(bytes, generation, cancellationToken);
    }

    public async Task<ConfigLoadResult> LoadAsync(byte[] bytes, long generation, CancellationToken cancellationToken)
    {
        // Windows editors (Notepad, PowerShell's Set-Content -Encoding UTF8) start a UTF-8 file with a BOM.
        if (bytes.AsSpan().StartsWith(s_utf8Bom))
        {
            bytes = bytes[s_utf8Bom.Length..];
        }

        if (bytes.Length == 0)
        {
            return Fail(new ConfigProblem("", "the file is empty"));
        }

        try
        {
            using var _ = JsonDocument.Parse(bytes, s_jsonOptions);
        }
        catch (JsonException ex)
        {
            return Fail(new ConfigProblem("", $"invalid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}"));
        }

        // Environment variables override file values the ASP.NET Core way (Gateway__X, ReverseProxy__Y).
        IConfiguration candidate;
        try
        {
            candidate = new ConfigurationBuilder()
                .AddJsonStream(new MemoryStream(bytes))
                .AddEnvironmentVariables()
                .Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            // Well-formed JSON that configuration refuses: a key given twice (keys ignore case), no object on top, or a
            // string with a lone surrogate escape ("\ud800") that cannot become a .NET string.
            return Fail(new ConfigProblem("", ex.Message));
        }

        var problems = new List<ConfigProblem>();
        var options = BindGatewayOptions(candidate, problems);
        ProxySectionChecker.Check(candidate, problems);
        StartupSectionChecker.Check(candidate, problems);
        if (problems.Count > 0)
        {
            return new ConfigLoadResult(null, problems);
        }

        var (routes, clusters) = ReadProxyConfig(candidate, problems);
        if (options is null || problems.Count > 0)
        {
            return new ConfigLoadResult(null, problems);
        }

        // Before YARP's validator: it only knows rate-limit policies registered at startup, not those in this file.
        (var rateLimiting, routes) = RateLimitConfigCompiler.Compile(options, routes, clusters, problems);
        var cors = Cors.CorsConfigCompiler.Compile(options, routes, problems);
        await ValidateProxyConfigAsync(Cors.CorsConfigCompiler.ForValidation(routes), clusters, problems);
        GatewayOptionsValidator.Validate(options, routes, problems);
        var retries = RetryPolicyCompiler.Compile(options, clusters, problems);
        if (problems.Count > 0)
        {
            return new ConfigLoadResult(null, problems);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new ConfigLoadResult(Compile(options, routes, clusters, generation, rateLimiting, retries, cors), problems);
    }

    private static GatewayOptions? BindGatewayOptions(IConfiguration candidate, List<ConfigProblem> problems)
    {
        var options = new GatewayOptions();
        try
        {
            candidate.GetSection(GatewayOptions.SectionName).Bind(options, o => o.ErrorOnUnknownConfiguration = true);
            return options;
        }
        catch (InvalidOperationException ex)
        {
            problems.Add(UnboundKey(candidate.GetSection(GatewayOptions.SectionName), ex.GetBaseException().Message)
                ?? Unconvertible(ex)
                ?? new ConfigProblem(GatewayOptions.SectionName, Describe(ex)));
            return null;
        }
    }

    // The binder says "… the following properties were not found on the instance of …ResponseRuleOptions: 'Equals'",
    // deep inside its exception and without saying where: the problem names the first key so spelled in the section.
    private static ConfigProblem? UnboundKey(IConfigurationSection section, string message)
    {
        const string Marker = "were not found on the instance of ";
        var at = message.IndexOf(Marker, StringComparison.Ordinal);
        var colon = at < 0 ? -1 : message.IndexOf(": ", at, StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }

        var keys = message[(colon + 2)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(key => key.Trim('\'')).ToArray();
        if (message.AsSpan(at + Marker.Length).StartsWith("System.") && ListWhereOneValueBelongs(section, keys) is { } list)
        {
            return list;
        }

        var found = section.AsEnumerable()
            .Select(pair => pair.Key)
            .FirstOrDefault(path => keys.Any(key => path.EndsWith(":" + key, StringComparison.OrdinalIgnoreCase)
                || path.Contains(":" + key + ":", StringComparison.OrdinalIgnoreCase)));
        if (found is null)
        {
            return null;
        }

        var key = keys.First(k => found.EndsWith(":" + k, StringComparison.OrdinalIgnoreCase) || found.Contains(":" + k + ":", StringComparison.OrdinalIgnoreCase));
        var keyAt = found.IndexOf(":" + key, StringComparison.OrdinalIgnoreCase);
        return new ConfigProblem(found[..(keyAt + key.Length + 1)], $"'{key}' is not a setting here");
    }

    // An array given for a single value ("Path": [ "/success" ]) binds as a string with a property '0': the problem is the
    // setting's, not some other '0' in the section (a list's first entry elsewhere, which the search above found first).
    private static ConfigProblem? ListWhereOneValueBelongs(IConfigurationSection section, string[] keys)
    {
        foreach (var path in section.AsEnumerable().Select(pair => pair.Key))
        {
            var cut = path.LastIndexOf(':');
            var setting = cut < 0 ? "" : path[..cut];
            if (keys.Contains(path[(cut + 1)..]) && s_singleValueSettings.Contains(setting[(setting.LastIndexOf(':') + 1)..]))
            {
                return new ConfigProblem(setting, "must be a single value, not an array or object");
            }
        }

        return null;
    }

    // The names of the Gateway section's single-value settings (Profile, Path, Status …), from its types.
    private static readonly FrozenSet<string> s_singleValueSettings = SingleValueSettings(typeof(GatewayOptions), []).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<string> SingleValueSettings(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            yield break;
        }

        foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            var value = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (value.IsPrimitive || value.IsEnum || value == typeof(string) || value == typeof(TimeSpan))
            {
                yield return property.Name;
            }
            else if (value.IsClass && value.Namespace?.StartsWith("Gateway", StringComparison.Ordinal) == true)
            {
                foreach (var name in SingleValueSettings(value, seen))
                {
                    yield return name;
                }
            }
            else if (value.IsGenericType && value.GetGenericArguments()[^1] is { IsClass: true } element
                && element.Namespace?.StartsWith("Gateway", StringComparison.Ordinal) == true)
            {
                foreach (var name in SingleValueSettings(element, seen))
                {
                    yield return name;
                }
            }
        }
    }

    // A value of the wrong type inside a list or map (a rule's "Status": "abc") comes as the binder's "'ErrorOnUnknownConfiguration'
    // was set and binding has failed", which names no key; the conversion failure it wraps has the path and the value.
    private static ConfigProblem? Unconvertible(Exception ex)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (UnconvertibleValue().Match(inner.Message) is { Success: true } match)
            {
                var type = match.Groups["type"].Value;
                var expected = type switch
                {
                    "System.Int32" or "System.Int64" => "whole number",
                    "System.Double" => "number",
                    "System.Boolean" => "boolean (true or false)",
                    "System.TimeSpan" => "time span (e.g. 00:00:30)",
                    _ => type[(type.LastIndexOf('.') + 1)..],
                };
                return new ConfigProblem(match.Groups["path"].Value, $"'{match.Groups["value"].Value}' is not a valid {expected}");
            }
        }

        return null;
    }

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<path>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex UnconvertibleValue();

    private static (IReadOnlyList<RouteConfig>, IReadOnlyList<ClusterConfig>) ReadProxyConfig(IConfiguration candidate, List<ConfigProblem> problems)
    {
        // YARP's own reader parses the section, so the file means exactly what it means to YARP.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddReverseProxy().LoadFromConfig(candidate.GetSection(ProxySectionChecker.SectionName));
        using var provider = services.BuildServiceProvider();
        try
        {
            var config = provider.GetRequiredService<IProxyConfigProvider>().GetConfig();
            return (config.Routes, config.Clusters);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            problems.Add(new ConfigProblem("ReverseProxy", Describe(ex)));
            return ([], []);
        }
    }

    private async Task ValidateProxyConfigAsync(IReadOnlyList<RouteConfig> routes, IReadOnlyList<ClusterConfig> clusters, List<ConfigProblem> problems)
    {
        var clusterIds = new HashSet<string>(clusters.Select(c => c.ClusterId), StringComparer.OrdinalIgnoreCase);
        foreach (var route in routes)
        {
            var path = $"ReverseProxy:Routes:{route.RouteId}";
            if (string.IsNullOrEmpty(route.ClusterId))
            {
                problems.Add(new($"{path}:ClusterId", "is required"));
            }
            else if (!clusterIds.Contains(route.ClusterId))
            {
                problems.Add(new($"{path}:ClusterId", $"cluster '{route.ClusterId}' is not defined in ReverseProxy:Clusters"));
            }

            foreach (var error in await yarpValidator.ValidateRouteAsync(route))
            {
                problems.Add(new(path, Describe(error)));
            }
        }

        foreach (var cluster in clusters)
        {
            var path = $"ReverseProxy:Clusters:{cluster.ClusterId}";
            if (cluster.Destinations is null || cluster.Destinations.Count == 0)
            {
                problems.Add(new($"{path}:Destinations", "at least one destination is required"));
            }

            foreach (var (destinationId, destination) in cluster.Destinations ?? new Dictionary<string, DestinationConfig>())
            {
                // YARP accepts any string here and fails per request; refuse it at load instead.
                if (!Uri.TryCreate(destination.Address, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
                {
                    problems.Add(new($"{path}:Destinations:{destinationId}:Address", $"'{destination.Address}' is not an absolute http or https URL"));
                }
            }

            foreach (var error in await yarpValidator.ValidateClusterAsync(cluster))
            {
                problems.Add(new(path, Describe(error)));
            }
        }
    }

    private static GatewaySnapshot Compile(
        GatewayOptions options, IReadOnlyList<RouteConfig> routes, IReadOnlyList<ClusterConfig> clusters, long generation, RateLimitSnapshot rateLimiting,
        FrozenDictionary<string, RetryPolicy> retries, Cors.CorsSnapshot cors)
    {
        var defaultPolicy = new RoutePolicy { Profile = ErrorProfile.For(options.DefaultProfile) };
        var policies = new Dictionary<string, RoutePolicy>(StringComparer.OrdinalIgnoreCase);
        foreach (var (routeId, route) in options.Routes)
        {
            var rules = route.Rules.Select(r => new ResponseRule(
                r.WhenStatus.Count == 0 ? [200] : r.WhenStatus.ToArray(), r.Path, r.EqualTo, r.Exists ?? true, r.Status, r.MessagePath)).ToArray();
            var statusMap = route.StatusMap.Count == 0
                ? null
                : route.StatusMap.ToFrozenDictionary(p => GatewayOptionsValidator.TryParseStatus(p.Key, out var s) ? s : 0, p => p.Value);
            policies[routeId] = new RoutePolicy
            {
                Profile = ErrorProfile.For(route.Profile ?? options.DefaultProfile),
                StatusMap = statusMap,
                NormalizeErrors = route.NormalizeErrors,
                StripHeaders = route.StripHeaders,
                ShowUpstream5xxMessages = route.ShowUpstream5xxMessages,
                ETags = Preconditions.ETagPolicy.From(route.ETags),
                NormalizerSettings = new NormalizerSettings { StatusMap = statusMap, ShowUpstream5xxMessages = route.ShowUpstream5xxMessages },
                Rules = rules,
                HasSuccessRules = rules.Any(r => r.WhenStatus.Any(s => s < 400)),
                DebugFieldNames = !route.StripDebugFields ? null
                    : route.DebugFieldNames.Count == 0 ? DebugFieldStripper.DefaultNames
                    : route.DebugFieldNames.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
                SuccessConformance = route.SuccessConformance,
                RejectDebugOutput = route.RejectDebugOutput,
                SoapFaultsAreErrors = route.SoapFaultsAreErrors,
                ValidateJsonRequestBody = route.ValidateJsonRequestBody,
            };
        }

        return new GatewaySnapshot
        {
            Generation = generation,
            Options = options,
            DefaultPolicy = defaultPolicy,
            RoutePolicies = policies.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            Routes = routes,
            Clusters = clusters,
            StrippedHeaders = LeakyResponseHeaders.BuiltIn.Concat(options.StripResponseHeaders.Where(name => !name.EndsWith('*')))
                .ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            StrippedHeaderPrefixes = [.. options.StripResponseHeaders.Where(name => name.EndsWith('*')).Select(name => name[..^1])],
            UntrustedRequestHeaders = UntrustedRequestHeaders.BuiltIn
                .Except(options.KeepRequestHeaders, StringComparer.OrdinalIgnoreCase)
                .Concat(options.StripRequestHeaders)
                .ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            Auth = Auth.AuthCompiler.Compile(options, routes),
            RateLimiting = rateLimiting,
            Cors = cors,
            Retries = retries,
            ClosedConnectionClusters = RetryPolicyCompiler.ClosedConnectionClusters(options, clusters),
        };
    }

    private static ConfigLoadResult Fail(ConfigProblem problem) => new(null, [problem]);

    // Inner exceptions carry the useful part ("Failed to convert 'abc' to TimeSpan").
    // The binder wraps a value it cannot convert once per dictionary it sits in (Routes, then StatusMap): the first
    // message that differs from the outer one names the key and the value.
    private static string Describe(Exception ex)
    {
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner.Message != ex.Message)
            {
                return $"{ex.Message} ({inner.Message})";
            }
        }

        return ex.Message;
    }
}
