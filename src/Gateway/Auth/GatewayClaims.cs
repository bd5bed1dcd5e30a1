namespace Gateway.Auth;

/// <summary>
/// The claim types every authenticated caller carries, whatever the credential: JWT claims are normalized into them
/// once per token, API keys are built with them. Other features (rate limiting) read <c>client_id</c> and <c>sub</c>.
/// </summary>
internal static class GatewayClaims
{
    public const string Subject = "sub";
    public const string ClientId = "client_id";
    public const string Scope = "scope";
    public const string Role = "role";

    /// <summary>The identity's authentication type for callers with a JWT.</summary>
    public const string BearerAuthenticationType = "Bearer";

    /// <summary>The identity's authentication type for callers with an API key.</summary>
    public const string ApiKeyAuthenticationType = "ApiKey";
}
