using KnowledgeGraph.Application.Retention;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>
    /// Prunes the store's change feed and request records after their retention (configuration section
    /// <see cref="RetentionOptions.Section"/>), checked when the host starts.
    /// </summary>
    public static IServiceCollection AddKnowledgeGraphRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.Section))
            .Validate(options => options.IsValid, $"{RetentionOptions.Section}: ChangeFeed and RequestIds must be positive, PruneInterval zero (off) or positive")
            .ValidateOnStart();
        services.TryAddSingleton<RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        return services;
    }
}
