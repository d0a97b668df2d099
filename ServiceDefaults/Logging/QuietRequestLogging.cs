using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;

namespace KnowledgeGraph.ServiceDefaults.Logging;

/// <summary>
/// Default log levels that keep per-request lines out of the output: ASP.NET Core and gRPC log four
/// Information lines for every call, which filled 200 MB in one short load test. The trace of each
/// request (exported to the dashboard) carries that detail instead. These are defaults, added as
/// the lowest-priority configuration source, so <c>appsettings.json</c>, environment variables
/// (<c>Logging__LogLevel__Microsoft.AspNetCore=Information</c>) or the command line still override them.
/// </summary>
public static class QuietRequestLogging
{
    public static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Grpc"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
    };

    public static void AddQuietRequestLogging(this IHostApplicationBuilder builder) =>
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
}
