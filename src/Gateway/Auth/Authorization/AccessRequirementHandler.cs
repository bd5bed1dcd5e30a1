using Microsoft.AspNetCore.Authorization;

namespace Gateway.Auth.Authorization;

/// <summary>Checks an <see cref="AccessRequirement"/> against the authenticated caller's gateway claims.</summary>
internal sealed class AccessRequirementHandler : AuthorizationHandler<AccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AccessRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask; // the authentication requirement answers this one (401)
        }

        var denial = requirement.Evaluate(context.User);
        if (denial is null)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AccessFailureReason(this, denial));
        }

        return Task.CompletedTask;
    }
}
