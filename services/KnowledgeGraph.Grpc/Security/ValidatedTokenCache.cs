using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeGraph.Grpc.Security;

/// <summary>
/// Remembers the bearer tokens it has accepted, so a client that sends the same token on every call
/// pays for parsing it and checking its signature once, not per call (Envoy's JWT filter keeps the
/// same kind of cache). Only tokens the wrapped handler accepted are kept, keyed by the whole token,
/// signature included, until the token expires or <see cref="MaxAge"/> passes, whichever comes first:
/// a key removed from the configuration or the issuer's key set stops a cached token within
/// <see cref="MaxAge"/>. New bearer options (a configuration reload) come with a new, empty cache.
/// </summary>
public sealed class ValidatedTokenCache(TokenHandler inner, TimeProvider time) : TokenHandler
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>Distinct tokens kept at most; when full the cache starts again empty.</summary>
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<string, Accepted> _accepted = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_accepted.TryGetValue(token, out var accepted) && now < accepted.Until) return accepted.Result;

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { } securityToken)
        {
            var until = securityToken.ValidTo < now + MaxAge ? securityToken.ValidTo : now + MaxAge;
            if (until > now)
            {
                if (_accepted.Count >= Capacity) _accepted.Clear();
                _accepted[token] = new Accepted(result, until);
            }
        }
        return result;
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    private sealed record Accepted(TokenValidationResult Result, DateTime Until);
}
