using System.Diagnostics;

namespace KnowledgeGraph.Bench.Services;

/// <summary>The programs the benchmark runs as real processes: the three services and <c>kg</c>, built in Release first.</summary>
public sealed record ProgramBuild(string Name, string Folder, string Assembly)
{
    public static readonly ProgramBuild Entities = new("entities", "services/Entities.Api", "Entities.Api");
    public static readonly ProgramBuild Relationships = new("relationships", "services/Relationships.Api", "Relationships.Api");
    public static readonly ProgramBuild Queries = new("queries", "services/Queries.Api", "Queries.Api");
    public static readonly ProgramBuild Kg = new("kg", "tools/kg", "kg");

    public static readonly ProgramBuild[] All = [Entities, Relationships, Queries, Kg];

    public string Path => Repository.ReleaseAssembly(Folder, Assembly);

    /// <summary>Builds every program in Release (<c>dotnet build -c Release</c>, which does nothing when they are up to date).</summary>
    public static async Task BuildAllAsync()
    {
        foreach (var program in All)
        {
            var start = new ProcessStartInfo("dotnet", ["build", "-c", "Release", "-v", "q", "-nologo", Repository.Project(System.IO.Path.Combine(program.Folder, program.Assembly + ".csproj"))])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var build = Process.Start(start)!;
            var output = build.StandardOutput.ReadToEndAsync();
            var errors = build.StandardError.ReadToEndAsync();
            await build.WaitForExitAsync();
            if (build.ExitCode != 0) throw new InvalidOperationException($"dotnet build of {program.Folder} failed:\n{await output}\n{await errors}");
        }
    }
}
