using Gateway.Transforms.Errors;
using Gateway.Transforms.Rules;

namespace Gateway.Configuration;

/// <summary>Checks a route's <c>Rules</c> and debug-field settings, each problem with its path.</summary>
internal static class ResponseRuleValidator
{
    public static void Validate(RouteOptions route, ErrorProfile profile, string routePath, List<ConfigProblem> problems)
    {
        for (var i = 0; i < route.Rules.Count; i++)
        {
            var rule = route.Rules[i];
            var path = $"{routePath}:Rules:{i}";
            // "Path": null binds null, and an omitted Path binds "": a pointer to the whole body, which would match
            // every JSON response of the listed statuses.
            if (string.IsNullOrEmpty(rule.Path))
            {
                problems.Add(new($"{path}:Path", "is required: a JSON Pointer (RFC 6901), e.g. /success"));
            }
            else if (!JsonPointer.IsValid(rule.Path))
            {
                problems.Add(new($"{path}:Path", $"'{rule.Path}' is not a JSON Pointer (RFC 6901), e.g. /success"));
            }

            if (rule.MessagePath is not null && !JsonPointer.IsValid(rule.MessagePath))
            {
                problems.Add(new($"{path}:MessagePath", $"'{rule.MessagePath}' is not a JSON Pointer (RFC 6901), e.g. /error"));
            }

            if (rule.EqualTo is not null && rule.Exists is not null)
            {
                problems.Add(new(path, "set EqualTo or Exists, not both"));
            }

            if (rule.Status < 400 || rule.Status > 599)
            {
                problems.Add(new($"{path}:Status", "must be a 4xx or 5xx status"));
            }
            else if (!profile.Allows(rule.Status))
            {
                problems.Add(new($"{path}:Status", $"{rule.Status} is not a status the {profile.Kind} profile allows"));
            }

            // The first match wins: a rule an earlier one shadows for all its statuses (a copy, or a narrower test put
            // below a broader one) would never run, and the operator meant something else.
            for (var k = 0; k < i; k++)
            {
                if (Shadows(route.Rules[k], rule))
                {
                    problems.Add(new(path, $"never matches: rule {k} matches the same bodies first (the first match wins)"));
                    break;
                }
            }

            for (var j = 0; j < rule.WhenStatus.Count; j++)
            {
                if (rule.WhenStatus[j] is < 100 or > 599)
                {
                    problems.Add(new($"{path}:WhenStatus:{j}", "must be an HTTP status code (100-599)"));
                }
            }
        }

        for (var i = 0; i < route.DebugFieldNames.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(route.DebugFieldNames[i]))
            {
                problems.Add(new($"{routePath}:DebugFieldNames:{i}", "must not be empty"));
            }
        }
    }

    // Whether every body the later rule matches is matched by the earlier one: the same test, or the earlier one tests
    // presence where the later one tests a value there.
    private static bool Shadows(ResponseRuleOptions earlier, ResponseRuleOptions later) =>
        string.Equals(earlier.Path, later.Path, StringComparison.Ordinal)
        && (earlier.EqualTo is null
            ? (earlier.Exists ?? true) == (later.EqualTo is not null || (later.Exists ?? true))
            : string.Equals(earlier.EqualTo, later.EqualTo, StringComparison.Ordinal))
        && StatusesOf(later).All(StatusesOf(earlier).Contains);

    // An empty WhenStatus means [200], as the rule is compiled.
    private static List<int> StatusesOf(ResponseRuleOptions rule) => rule.WhenStatus.Count == 0 ? [200] : rule.WhenStatus;
}
