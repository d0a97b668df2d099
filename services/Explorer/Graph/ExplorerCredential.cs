using Microsoft.Extensions.Options;

namespace Explorer.Graph;

/// <summary>The token the explorer's calls carry, from <see cref="ExplorerCredentialOptions"/>.</summary>
public sealed class ExplorerCredential(IOptionsMonitor<ExplorerCredentialOptions> options)
{
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        var token = string.IsNullOrWhiteSpace(current.BearerTokenFile)
            ? current.BearerToken
            : await File.ReadAllTextAsync(current.BearerTokenFile, cancellationToken);
        return token?.Trim() is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The explorer's bearer token is empty (check {ExplorerCredentialOptions.Section}:BearerTokenFile).");
    }
}
