using Microsoft.IdentityModel.Tokens;

namespace Gateway.Auth.Authentication;

/// <summary>
/// Why the credentials of a request were refused, as a typed request feature: set by the authentication handler,
/// read by the authorization result handler to write the status, challenge and payload.
/// </summary>
/// <param name="Method">The credential concerned.</param>
/// <param name="Status">400 (malformed request), 401 (bad credentials) or 503 (keys cannot be fetched).</param>
/// <param name="Error">The RFC 6750 error code for the challenge, or null.</param>
/// <param name="Description">Client-safe text, used as <c>error_description</c> and payload message.</param>
/// <param name="LogReason">For the log only; never the credential itself.</param>
internal sealed record CredentialFailure(CredentialMethod Method, int Status, string? Error, string Description, string LogReason)
{
    public const string InvalidRequest = "invalid_request";
    public const string InvalidToken = "invalid_token";

    public static CredentialFailure Malformed(CredentialMethod method, string description, string logReason) =>
        new(method, StatusCodes.Status400BadRequest, InvalidRequest, description, logReason);

    public static CredentialFailure BadApiKey(string logReason) =>
        new(CredentialMethod.ApiKey, StatusCodes.Status401Unauthorized, InvalidToken, "The API key is not valid", logReason);

    public static CredentialFailure BadToken(string logReason) =>
        new(CredentialMethod.Bearer, StatusCodes.Status401Unauthorized, InvalidToken, "The access token is invalid", logReason);

    /// <summary>Classifies what JwtBearer reported. Only lifetime failures are named to the client.</summary>
    public static CredentialFailure FromBearer(Exception? failure) => failure switch
    {
        AggregateException { InnerExceptions: [var first, ..] } => FromBearer(first),
        SecurityTokenExpiredException => BadToken("expired") with { Description = "The access token expired" },
        SecurityTokenNotYetValidException => BadToken("not yet valid") with { Description = "The access token is not valid yet" },
        SecurityTokenException or ArgumentException => BadToken(failure.GetType().Name),
        null => BadToken("no result"),
        // Not a verdict on the token: the keys could not be fetched (discovery or JWKS unreachable).
        _ => new(CredentialMethod.Bearer, StatusCodes.Status503ServiceUnavailable, null,
            "Credentials cannot be verified right now. Try again later.", "signing keys unavailable: " + failure.GetType().Name),
    };
}
