using Microsoft.AspNetCore.Authorization;

namespace Gateway.Auth.Authorization;

/// <summary>Carries an <see cref="AccessDenial"/> from the requirement handler to the result handler.</summary>
internal sealed class AccessFailureReason(IAuthorizationHandler handler, AccessDenial denial)
    : AuthorizationFailureReason(handler, denial.ClientMessage)
{
    public AccessDenial Denial { get; } = denial;
}
