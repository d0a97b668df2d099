using Microsoft.AspNetCore.Authorization;

namespace KnowledgeGraph.Grpc.Security;

/// <summary>
/// An authorization requirement met by a user whose token grants <see cref="Scope"/>. It handles
/// itself; a deployment may register more <see cref="IAuthorizationHandler"/>s for it.
/// </summary>
public sealed class ScopeRequirement(string scope) : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    public string Scope { get; } = scope;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (Scopes.Grants(context.User, requirement.Scope)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
