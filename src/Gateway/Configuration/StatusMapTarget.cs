using Gateway.Transforms.Errors;

namespace Gateway.Configuration;

/// <summary>
/// Which targets a <c>StatusMap</c> entry may name. An error stays an error the profile allows (a 404 answered 200
/// would carry <c>{"code":200,…}</c>), and a success stays a success of its own class: the body is passed on as it
/// came, so a 200 mapped to 500 would be a success body under an error status, and a 200 mapped to 302 a redirect
/// without a <c>Location</c>. A redirect may become an error: its body is never passed on, the payload is written.
/// </summary>
internal static class StatusMapTarget
{
    /// <summary>Null when <paramref name="target"/> is a valid answer for <paramref name="source"/>, else why not.</summary>
    public static string? Check(int source, int target, ErrorProfile profile)
    {
        if (source < 200)
        {
            return "informational statuses (1xx) cannot be mapped";
        }

        if (source >= 400)
        {
            return target is >= 400 and <= 599 && profile.Allows(target)
                ? null
                : $"{target} is not a status the {profile.Kind} profile allows for an error (4xx or 5xx: {Allowed(profile, 400, 599)})";
        }

        // A redirect's body is dropped unread, so a 3xx (not 304, which is no redirect) may also be answered as an error
        // with the payload: a backend whose 302s or 305s mean failure.
        var low = source / 100 * 100;
        var redirectAsError = low == 300 && source != 304 && target is >= 400 and <= 599 && profile.Allows(target);
        var choices = low == 300 ? "300-399" + (source != 304 ? ", or an error: " + Allowed(profile, 400, 599) : "") : Allowed(profile, low, low + 99);
        return (target / 100 == source / 100 && profile.Allows(target)) || redirectAsError
            ? null
            : $"{target} is not a status the {profile.Kind} profile allows for a {source / 100}xx answer ({choices})";
    }

    private static string Allowed(ErrorProfile profile, int from, int to) =>
        string.Join(", ", Enumerable.Range(from, to - from + 1).Where(profile.Allows));
}
