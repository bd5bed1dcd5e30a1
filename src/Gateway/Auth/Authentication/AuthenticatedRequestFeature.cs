using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace Gateway.Auth.Authentication;

/// <summary>
/// What ASP.NET Core's authentication middleware leaves on a request it authenticated (its own type is internal):
/// the authorization middleware reads the result from here instead of authenticating again.
/// </summary>
internal sealed class AuthenticatedRequestFeature(AuthenticateResult result) : IAuthenticateResultFeature, IHttpAuthenticationFeature
{
    private AuthenticateResult? _result = result;
    private ClaimsPrincipal? _user = result.Principal;

    public AuthenticateResult? AuthenticateResult
    {
        get => _result;
        set
        {
            _result = value;
            _user = value?.Principal;
        }
    }

    public ClaimsPrincipal? User
    {
        get => _user;
        set
        {
            // A principal set by hand no longer matches the result.
            _user = value;
            _result = null;
        }
    }
}
