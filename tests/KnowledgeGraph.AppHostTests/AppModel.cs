using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace KnowledgeGraph.AppHostTests;

/// <summary>The AppHost's application model, built but not started, and the environment a resource would get.</summary>
internal static class AppModel
{
    public static async Task<(DistributedApplicationModel Model, IDistributedApplicationTestingBuilder Builder)> BuildAsync(params string[] args)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(args);
        return (new DistributedApplicationModel(builder.Resources), builder);
    }

    // The replacement (ExecutionConfigurationBuilder) needs a running app's services; this reads the
    // environment a resource would get straight from the model, which is all these tests need.
#pragma warning disable CS0618
    public static async Task<Dictionary<string, string>> EnvironmentOfAsync(DistributedApplicationModel model, string resource) =>
        await ((IResourceWithEnvironment)model.Resources.Single(r => r.Name == resource)).GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Publish);
#pragma warning restore CS0618
}
