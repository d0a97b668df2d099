using Grpc.Core;

namespace KnowledgeGraph.Cli;

/// <summary>The bearer token every call carries: <c>--token</c>, else the <c>KG_TOKEN</c> variable, else none.</summary>
public static class BearerToken
{
    public const string Variable = "KG_TOKEN";

    public static string? Resolve(string? option, Func<string, string?> environment) =>
        (option ?? environment(Variable))?.Trim() is { Length: > 0 } token ? token : null;

    /// <summary>Adds <c>authorization: Bearer …</c> to every call of a channel.</summary>
    public static CallCredentials Credentials(string token) =>
        CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", $"Bearer {token}");
            return Task.CompletedTask;
        });
}
