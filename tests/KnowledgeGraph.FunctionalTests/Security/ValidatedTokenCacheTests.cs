using System.Security.Cryptography;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.Grpc.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeGraph.FunctionalTests.Security;

/// <summary>A token accepted once is not checked again until it expires or five minutes pass; nothing refused is remembered.</summary>
[Collection(ServicesCollection.Name)]
public sealed class ValidatedTokenCacheTests
{
    private readonly CountingHandler _inner = new();
    private readonly Clock _clock = new();
    private readonly ValidatedTokenCache _cache;
    private readonly TokenValidationParameters _parameters = new()
    {
        ValidIssuer = TestTokens.Issuer,
        ValidAudience = TestTokens.Audience,
        IssuerSigningKey = new SymmetricSecurityKey(TestTokens.SigningKey),
    };

    private readonly SharedServices _shared;

    public ValidatedTokenCacheTests(SharedServices shared)
    {
        _shared = shared;
        _cache = new ValidatedTokenCache(_inner, _clock);
        _parameters.LifetimeValidator = (notBefore, expires, _, _) => notBefore <= _clock.Now && _clock.Now < expires;
    }

    [Fact]
    public void Every_service_validates_bearer_tokens_through_the_cache()
    {
        foreach (var services in new[] { _shared.Services.EntitiesHost.Services, _shared.Services.RelationshipsHost.Services, _shared.Services.QueriesHost.Services })
        {
            var options = services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
            Assert.All(options.TokenHandlers, handler => Assert.IsType<ValidatedTokenCache>(handler));
            Assert.IsType<List<SecurityKey>>(options.TokenValidationParameters.IssuerSigningKeys);
        }
    }

    [Fact]
    public async Task The_same_token_is_checked_once_until_the_cache_lets_it_go()
    {
        var token = TestTokens.Mint(Scopes.Read, lifetime: TimeSpan.FromHours(1));

        Assert.True((await _cache.ValidateTokenAsync(token, _parameters)).IsValid);
        Assert.True((await _cache.ValidateTokenAsync(token, _parameters)).IsValid);
        Assert.Equal(1, _inner.Calls);

        _clock.Now += ValidatedTokenCache.MaxAge;
        Assert.True((await _cache.ValidateTokenAsync(token, _parameters)).IsValid);
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task A_token_is_checked_again_once_it_expires_and_then_refused()
    {
        var token = TestTokens.Mint(Scopes.Read, lifetime: TimeSpan.FromMinutes(2));
        Assert.True((await _cache.ValidateTokenAsync(token, _parameters)).IsValid);

        _clock.Now += TimeSpan.FromMinutes(3);
        Assert.False((await _cache.ValidateTokenAsync(token, _parameters)).IsValid);
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task A_refused_token_is_checked_every_time()
    {
        var forged = TestTokens.Mint(Scopes.Read, key: RandomNumberGenerator.GetBytes(32));

        Assert.False((await _cache.ValidateTokenAsync(forged, _parameters)).IsValid);
        Assert.False((await _cache.ValidateTokenAsync(forged, _parameters)).IsValid);
        Assert.Equal(2, _inner.Calls);
    }

    private sealed class CountingHandler : JsonWebTokenHandler
    {
        public int Calls { get; private set; }

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Calls++;
            return base.ValidateTokenAsync(token, validationParameters);
        }
    }

    private sealed class Clock : TimeProvider
    {
        public DateTime Now { get; set; } = DateTime.UtcNow;

        public override DateTimeOffset GetUtcNow() => new(Now, TimeSpan.Zero);
    }
}
