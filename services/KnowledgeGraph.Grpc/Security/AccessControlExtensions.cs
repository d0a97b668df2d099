using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace KnowledgeGraph.Grpc.Security;

/// <summary>Bearer tokens from the standard configuration, and the scope check every call passes through.</summary>
public static class AccessControlExtensions
{
    /// <summary>
    /// JwtBearer reads <c>Authentication:Schemes:Bearer</c> (Authority or SigningKeys, ValidIssuer,
    /// ValidAudience(s), ...), so any OIDC issuer works by configuration alone. A service whose
    /// configuration cannot validate a token does not start.
    /// </summary>
    public static WebApplicationBuilder AddKnowledgeGraphAccessControl(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication().AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Validate(BearerConfiguration.CanValidateTokens, BearerConfiguration.Incomplete)
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).PostConfigure<TimeProvider>((options, time) =>
        {
            // The configured SigningKeys arrive as a lazy sequence that reads the configuration and decodes
            // every key again for each token validated; read them once per options instance instead.
            options.TokenValidationParameters.IssuerSigningKeys = options.TokenValidationParameters.IssuerSigningKeys?.ToList();
            for (var i = 0; i < options.TokenHandlers.Count; i++)
                if (options.TokenHandlers[i] is not ValidatedTokenCache) options.TokenHandlers[i] = new ValidatedTokenCache(options.TokenHandlers[i], time);
        });
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton(new MethodScopes(builder.Environment.IsDevelopment()));
        builder.Services.AddSingleton<AccessInterceptor>();
        return builder;
    }
}
