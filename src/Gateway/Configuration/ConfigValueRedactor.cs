using System.Text.RegularExpressions;

namespace Gateway.Configuration;

/// <summary>
/// Hides credentials in config values quoted by error messages, which reach the log and <c>validate</c>'s output:
/// a URL's user info (<c>ftp://svc:pw@host</c>) and the values of secret-looking parameters (<c>password=</c>,
/// <c>key=</c>, <c>token=</c> …). The rest stays, so the message still says which value is wrong.
/// </summary>
internal static partial class ConfigValueRedactor
{
    public const string Redacted = "***";

    public static string Redact(string message) =>
        SecretParameter().Replace(BareUserInfo().Replace(UserInfo().Replace(message, $"$1{Redacted}@"), $"{Redacted}@"), $"$1={Redacted}");

    // Up to the last '@' of the value: a password may hold '/' or ':' (it is invalid then, and still a password).
    [GeneratedRegex(@"\b([a-z][a-z0-9+.\-]*://)[^\s""'<>]*@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();

    // user:password@host without a scheme (Uri reads "svc:" as one, so the value is quoted as given).
    [GeneratedRegex(@"(?<![\w*])[^\s""'<>/@:*]+:[^\s""'<>@/]+@", RegexOptions.CultureInvariant)]
    private static partial Regex BareUserInfo();

    [GeneratedRegex(
        @"(?<=^|[\s?&;#,""'(])([\w.\-]*(?:pass|pwd|secret|key|token|sig|auth|credential|session)[\w.\-]*)=[^&;#\s""'<>]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretParameter();
}
