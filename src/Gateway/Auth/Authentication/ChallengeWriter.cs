using System.Text;
using Gateway.Auth.ApiKeys;

namespace Gateway.Auth.Authentication;

/// <summary>Builds <c>WWW-Authenticate</c> values (RFC 9110 §11.6.1, RFC 6750 §3): one challenge per accepted credential.</summary>
internal static class ChallengeWriter
{
    public const string BearerScheme = "Bearer";
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>The challenges for a 400/401; the failure's error goes on the challenge of the credential concerned.</summary>
    public static string[] ForUnauthenticated(AuthSnapshot auth, CredentialFailure? failure)
    {
        var challenges = new List<string>(2);
        if (auth.Jwt is not null)
        {
            challenges.Add(Build(BearerScheme, auth.Realm, null, Concerns(failure, CredentialMethod.Bearer), null));
        }

        if (auth.ApiKeys is ApiKeySettings keys)
        {
            challenges.Add(Build(ApiKeyScheme, auth.Realm, keys.Header, Concerns(failure, CredentialMethod.ApiKey), null));
        }

        return [.. challenges];
    }

    /// <summary>RFC 6750 §3.1: a bearer token that lacks scopes gets 403 with <c>insufficient_scope</c>.</summary>
    public static string ForInsufficientScope(string realm, string description, IReadOnlyList<string> scopes) =>
        Build(BearerScheme, realm, null, new CredentialFailure(CredentialMethod.Bearer, 403, "insufficient_scope", description, ""), scopes);

    private static CredentialFailure? Concerns(CredentialFailure? failure, CredentialMethod method) =>
        failure is not null && (failure.Method == method || failure.Method == CredentialMethod.Request) ? failure : null;

    private static string Build(string scheme, string realm, string? header, CredentialFailure? failure, IReadOnlyList<string>? scopes)
    {
        var text = new StringBuilder(scheme).Append(" realm=\"").Append(realm).Append('"');
        if (header is not null)
        {
            text.Append(", header=\"").Append(header).Append('"');
        }

        if (failure?.Error is { } error)
        {
            text.Append(", error=\"").Append(error).Append("\", error_description=\"").Append(failure.Description).Append('"');
        }

        if (scopes is { Count: > 0 })
        {
            text.Append(", scope=\"").AppendJoin(' ', scopes).Append('"');
        }

        return text.ToString();
    }
}
