namespace Gateway.Auth.Authorization;

/// <summary>What a caller lacks for a policy.</summary>
/// <param name="ClientMessage">Says which permission is missing without the policy's internals: scopes are named
/// (clients request them by name, RFC 6749 §3.3), required roles and claims are not.</param>
/// <param name="LogText">The full reason, for operators.</param>
/// <param name="RequiredScopes">When a scope is missing, all the scopes the policy requires: the <c>scope</c> of an RFC 6750
/// <c>insufficient_scope</c> challenge is the scope a token needs (§3), not only what this one lacks. Empty otherwise.</param>
internal sealed record AccessDenial(string ClientMessage, string LogText, IReadOnlyList<string> RequiredScopes);
