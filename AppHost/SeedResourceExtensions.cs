using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.AppHost;

internal static class SeedResourceExtensions
{
    /// <summary>
    /// The one-shot seeding resource: the <c>kg</c> command line importing <c>data/seed/</c> through the
    /// public import API. Importing is an upsert, so a second start reports every row unchanged.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithSeedImport(
        this IResourceBuilder<ProjectResource> seed, IResourceBuilder<ProjectResource> entities, IResourceBuilder<ProjectResource> relationships)
    {
        var seedDirectory = Path.GetFullPath(Path.Combine(seed.ApplicationBuilder.AppHostDirectory, "..", "data", "seed"));
        return seed
            .WithArgs("import", Path.Combine(seedDirectory, "entities.jsonl"), Path.Combine(seedDirectory, "relationships.jsonl"))
            .WithEnvironment("KG_ENTITIES_URL", entities.GetEndpoint("grpc"))
            .WithEnvironment("KG_RELATIONSHIPS_URL", relationships.GetEndpoint("grpc"));
    }

    /// <summary>A dashboard command on a service that runs the seeding resource again.</summary>
    public static IResourceBuilder<ProjectResource> WithReseedCommand(this IResourceBuilder<ProjectResource> service, IResourceBuilder<ProjectResource> seed) =>
        service.WithCommand("reseed", "Reseed", async context =>
        {
            var commands = context.Services.GetRequiredService<ResourceCommandService>();
            var result = await commands.ExecuteCommandAsync(seed.Resource, KnownResourceCommands.StartCommand, context.CancellationToken);
            return result.Success ? CommandResults.Success() : CommandResults.Failure(result.Message);
        }, new CommandOptions { Description = "Import data/seed/ again through the import API", IconName = "ArrowSync" });
}
