using Microsoft.Playwright;

namespace KnowledgeGraph.ExplorerTests.Infrastructure;

/// <summary>
/// Saves what the browser shows: into the directory <c>KG_EXPLORER_SCREENSHOTS</c> names (the README's
/// pictures come from <c>KG_EXPLORER_SCREENSHOTS=docs/images dotnet test tests/KnowledgeGraph.ExplorerTests</c>),
/// else beside the test assembly.
/// </summary>
public static class Screenshots
{
    public const string Variable = "KG_EXPLORER_SCREENSHOTS";

    public static async Task SaveAsync(IPage page, string name)
    {
        var directory = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"explorer-{name}.png") });
    }
}
