using Microsoft.IdentityModel.Tokens;

namespace Gateway.Auth.Jwt;

/// <summary>
/// A token whose <c>crit</c> header names extensions the gateway does not implement (it implements none), which
/// RFC 7515 §4.1.11 says must be refused.
/// </summary>
internal sealed class SecurityTokenCriticalHeaderException : SecurityTokenException
{
    public SecurityTokenCriticalHeaderException()
        : base("The token's 'crit' header names extensions that are not understood.")
    {
    }

    public SecurityTokenCriticalHeaderException(string message)
        : base(message)
    {
    }

    public SecurityTokenCriticalHeaderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
