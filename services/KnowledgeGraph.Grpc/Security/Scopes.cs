using System.Security.Claims;

namespace KnowledgeGraph.Grpc.Security;

/// <summary>
/// The scopes a token may carry, and which of them a token grants. Each scope includes the ones
/// below it: <c>graph.admin</c> ⊃ <c>graph.write</c> ⊃ <c>graph.read</c>.
/// </summary>
public static class Scopes
{
    public const string Read = "graph.read";
    public const string Write = "graph.write";
    public const string Admin = "graph.admin";

    private static readonly string[] Ladder = [Read, Write, Admin];

    /// <summary>
    /// Claims that list scopes, each value one scope or several separated by spaces: OAuth's
    /// <c>scope</c>, Entra ID's <c>scp</c> (also under the name JwtBearer maps it to) and, for
    /// app-only tokens whose permissions are app roles, <c>roles</c>.
    /// </summary>
    private static readonly string[] ScopeClaimTypes =
    [
        "scope",
        "scp",
        "http://schemas.microsoft.com/identity/claims/scope",
        "roles",
        ClaimTypes.Role,
    ];

    /// <summary>Whether <paramref name="user"/> holds <paramref name="required"/> or a scope that includes it.</summary>
    public static bool Grants(ClaimsPrincipal user, string required)
    {
        var needed = Array.IndexOf(Ladder, required);
        if (needed < 0) throw new ArgumentException($"'{required}' is not a Knowledge Graph scope.", nameof(required));
        return GrantedBy(user).Any(scope => Array.IndexOf(Ladder, scope) >= needed);
    }

    public static IEnumerable<string> GrantedBy(ClaimsPrincipal user) =>
        user.Claims
            .Where(claim => ScopeClaimTypes.Contains(claim.Type, StringComparer.Ordinal))
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
