using System.Diagnostics;
using System.Text.Json;
using KnowledgeGraph.Cli;

namespace KnowledgeGraph.Bench.Services;

/// <summary>What one <c>kg import --json</c> process reported, and how long it took end to end (process start included).</summary>
public sealed record KgImportResult(int Read, int Created, int Rejected, string? ConsistencyToken, TimeSpan Elapsed, long PeakRssBytes);

/// <summary>Runs the real <c>kg import</c> as a process against the service processes.</summary>
public static class KgImport
{
    public static async Task<KgImportResult> RunAsync(string file, string kind, ServiceProcess entities, ServiceProcess relationships, string token)
    {
        var start = new ProcessStartInfo("dotnet", [ProgramBuild.Kg.Path, "import", file, "--kind", kind, "--json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment[Endpoints.EntitiesVariable] = entities.GrpcAddress.ToString();
        start.Environment[Endpoints.RelationshipsVariable] = relationships.GrpcAddress.ToString();
        start.Environment[BearerToken.Variable] = token;

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(200)) peak = Math.Max(peak, PeakRss(process.Id));
        await process.WaitForExitAsync();
        watch.Stop();
        var text = await output;
        if (process.ExitCode != 0) throw new InvalidOperationException($"kg import {file} exited {process.ExitCode}:\n{text}\n{await errors}");

        var json = JsonDocument.Parse(text).RootElement;
        var counts = json.GetProperty(kind);
        return new KgImportResult(counts.GetProperty("read").GetInt32(), counts.GetProperty("created").GetInt32(), counts.GetProperty("rejected").GetInt32(),
            json.TryGetProperty("consistencyToken", out var t) ? t.GetString() : null, watch.Elapsed, peak);
    }

    private static long PeakRss(int pid)
    {
        try
        {
            return File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
                .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024).FirstOrDefault();
        }
        catch (IOException) { return 0; }
    }
}
