namespace Gateway.Auth;

/// <summary>A route's authentication settings, compiled per config generation.</summary>
/// <param name="RequiresAuthentication">Whether the route's effective policy needs credentials.</param>
/// <param name="HideForbidden">Answer 404 instead of 403.</param>
/// <param name="ForwardAuthorization">Pass the client's <c>Authorization</c> header upstream.</param>
internal sealed record RouteAuth(bool RequiresAuthentication, bool HideForbidden, bool ForwardAuthorization)
{
    /// <summary>Routes that no config names: anonymous, so the client's own Authorization header is theirs to keep.</summary>
    public static readonly RouteAuth Open = new(false, false, true);
}
