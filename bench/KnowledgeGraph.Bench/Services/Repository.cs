namespace KnowledgeGraph.Bench.Services;

/// <summary>Where the repository is, and the Release builds of the programs the benchmark starts.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Project(string relative) => Path.Combine(Root, relative);

    /// <summary>The Release output of <c>{folder}/{name}.csproj</c>: <c>{folder}/bin/Release/net10.0/{assembly}.dll</c>.</summary>
    public static string ReleaseAssembly(string folder, string assembly) => Path.Combine(Root, folder, "bin", "Release", "net10.0", assembly + ".dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeGraph.sln"))) return dir.FullName;
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeGraph.sln"))) return dir.FullName;
        throw new InvalidOperationException("KnowledgeGraph.sln was not found above the benchmark or the current directory.");
    }
}
