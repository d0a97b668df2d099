using System.Globalization;
using System.Text;
using KnowledgeGraph.Bench.Measurements;

namespace KnowledgeGraph.Bench.Report;

/// <summary>Writes docs/benchmarks.md: how it was measured, on what, and per graph size every figure beside its peer and target.</summary>
public static class BenchmarkReport
{
    public static string Render(BenchmarkOptions options, Machine machine, DateTimeOffset date, string command, IReadOnlyList<SizeResult> results)
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmarks").AppendLine();
        md.AppendLine("Written by the benchmark itself (`bench/KnowledgeGraph.Bench`, see [bench/README.md](../bench/README.md)); do not edit by hand. Run:").AppendLine();
        md.AppendLine("```bash").AppendLine(command).AppendLine("```").AppendLine();
        md.AppendLine("""
            The run generates a seeded supply network (power-law degrees on both ends, hub companies and
            countries with thousands of relationships, eight relationship types, shares on the dependency types,
            validity intervals on a quarter of the dated types), starts the Entities, Relationships
            and Queries services as real processes over a fresh SQLite file, imports the files with the real
            `kg import` (a process), starts the Queries service on the full store and waits for its projection,
            then asks every question through gRPC with a bearer token. Peers run in the same run: an in-process
            CSR bidirectional BFS on the same pairs (the limit for paths), raw prepared SQLite inserts into the
            product's own schema, with the store's own connection settings, the indexes deferred and built at the end as the product's import does
            (the import ceiling; both times include that build, not the product's idle quiet period before it), and the
            gRPC health check on the same host (the floor).
            Every query is asked `as_of` 2026-06-01. Bounds: MAX_DEPTH says routes go on past the depth asked
            for, MAX_RESULTS that more paths or routes exist than are listed (FindPaths is asked for one path);
            only MAX_EXPANSIONS and DEADLINE mean a budget cut the search short.

            **The machine is shared** (2 cores, other agents building and testing at the same time), so the
            figures are noisy: read the medians and the ratios, not single values. Nothing here is a pass/fail
            test; the correctness of the same answers is checked by `tests/KnowledgeGraph.Bench.Tests`, which
            times nothing.
            """).AppendLine();
        md.AppendLine($"Date: {date:yyyy-MM-dd HH:mm} UTC. Machine: {machine.Cores} cores, {Gib(machine.MemoryBytes)} memory, {machine.System}, {machine.Runtime}; load average at start {machine.LoadAverage}.").AppendLine();
        md.AppendLine($"Questions per size: {options.Pairs} random pairs (FindPaths, each direction), {options.Roots} random roots (TraceDependencies), {options.FreshnessTrials} freshness trials, throughput: GetEntity and the trivial call each warmed up 3 s, then {ThroughputMeasurement.Rounds} alternating rounds of {options.ThroughputDuration.TotalSeconds:0} s, median; seed {options.Seed}. " +
            $"Every latency (FindPaths per direction, the trace, the trivial call) is measured after {WarmUp.Length.TotalSeconds:0} s of the same call on other questions, and the CSR peer after its own run over those; " +
            $"the first {WarmUp.FirstCalls} FindPaths after the Queries service started are reported on their own.").AppendLine();
        foreach (var result in results) Section(md, result);
        var analysis = Path.Combine(Services.Repository.Root, "bench", "analysis.md");
        if (File.Exists(analysis)) md.AppendLine(File.ReadAllText(analysis).TrimEnd());
        return md.ToString();
    }

    private static void Section(StringBuilder md, SizeResult r)
    {
        md.AppendLine($"## {r.Entities:N0} entities, {r.Relationships:N0} relationships").AppendLine();
        md.AppendLine($"Graph: {r.ValidAtAsOf:N0} relationships valid at the as-of date; {r.Degrees}. Store file {Mib(r.DatabaseBytes)} after the import.").AppendLine();

        var trivialP50 = r.TrivialLatency.P50;
        md.AppendLine("| measure | product (through gRPC) | peer, same run | ratio | target (1M / 5M graph) |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var paths in new[] { r.Outgoing, r.Both })
        {
            var p50Limit = 2 * paths.Peer.P50 + trivialP50;
            var p95Limit = 3 * paths.Peer.P95 + r.TrivialLatency.P95;
            md.AppendLine($"| FindPaths shortest, depth 6, {paths.Direction.ToString().ToUpperInvariant()}: p50 / p95 / p99 ms | {Ms(paths.Product)} | CSR BFS {Ms(paths.Peer)} | p50 {Ratio(paths.Product.P50, paths.Peer.P50)}, p95 {Ratio(paths.Product.P95, paths.Peer.P95)} | p50 ≤ {F(p50Limit)}, p95 ≤ {F(p95Limit)}: {Verdict(paths.Product.P50 <= p50Limit && paths.Product.P95 <= p95Limit)} |");
            md.AppendLine($"| FindPaths {paths.Direction.ToString().ToUpperInvariant()}: reachable pairs answered with the true distance | {paths.AnsweredTrueDistance} of {paths.Reachable} ({paths.WrongDistance} wrong, {paths.Truncated} truncated{Bounds(paths.Bounds)}, {paths.Failed} failed; {paths.Pairs} pairs) | CSR: {paths.Reachable} of {paths.Reachable} | | all, no budget hit: {Verdict(paths.AnsweredTrueDistance == paths.Reachable && paths.WrongDistance == 0 && paths.Failed == 0 && !CutShort(paths.Bounds))} |");
        }
        var t = r.Trace;
        md.AppendLine($"| TraceDependencies upstream, depth 4, default budgets: p50 / p95 / p99 ms | {Ms(t.Latency)} | — | | p50 ≤ 10 ms: {Verdict(t.Latency.P50 <= 10)} |");
        md.AppendLine($"| TraceDependencies: answered, truncated, failed | {t.Answered} of {t.Roots} answered ({t.WithDependencies} with dependencies, median {t.MedianDependencies:N0} reached), {t.Truncated} truncated{Bounds(t.Bounds)}, {t.Failed} failed; largest answer {Mib(t.LargestResponseBytes)} | — | | no failures, no budget hit: {Verdict(t.Failed == 0 && !CutShort(t.Bounds))} |");
        md.AppendLine($"| bulk import through `kg import`, end to end: entities/s | {r.EntitiesPerSecond:N0} ({r.EntityImport.TotalSeconds:F1} s) | raw SQLite inserts {r.RawImport.EntitiesPerSecond:N0} | {Ratio(r.RawImport.EntitiesPerSecond, r.EntitiesPerSecond)} slower | faster than relationships: {Verdict(r.EntitiesPerSecond > r.RelationshipsPerSecond)} |");
        md.AppendLine($"| bulk import through `kg import`, end to end: relationships/s | {r.RelationshipsPerSecond:N0} ({r.RelationshipImport.TotalSeconds:F1} s{(r.ImportRejected > 0 ? $"; {r.ImportRejected} rows rejected" : "")}) | raw SQLite inserts {r.RawImport.RelationshipsPerSecond:N0} | {Ratio(r.RawImport.RelationshipsPerSecond, r.RelationshipsPerSecond)} slower | ≥ 150,000: {Verdict(r.RelationshipsPerSecond >= 150_000)} |");
        md.AppendLine($"| GetEntity, {ThroughputMeasurement.Callers} concurrent callers: calls/s | {r.GetEntityPerSecond:N0} | trivial gRPC call (health check, same host): {r.TrivialPerSecond:N0} | {r.GetEntityPerSecond / r.TrivialPerSecond:P0} of it | ≥ 80%: {Verdict(r.GetEntityPerSecond >= 0.8 * r.TrivialPerSecond)} |");
        md.AppendLine($"| trivial gRPC call, one caller: p50 / p95 / p99 ms | {Ms(r.TrivialLatency)} | | | (the floor added to the path targets) |");
        md.AppendLine($"| projection build at start (Queries health: `{r.ProjectionState}`) | {r.ProjectionLoadSeconds:F1} s (process start to healthy {r.QueriesReady.TotalSeconds:F1} s) | | | ≤ 30 s: {Verdict(r.ProjectionLoadSeconds <= 30)} |");
        md.AppendLine($"| first {WarmUp.FirstCalls} FindPaths OUTGOING after start, before the warm-up: p50 / slowest ms | {F(r.FirstFindPaths.P50)} / {F(r.FirstFindPaths.P99)} | | | report |");
        var queries = r.Memory.FirstOrDefault(m => m.Service == "queries");
        md.AppendLine($"| memory (RSS now / peak): {string.Join("; ", r.Memory.Select(m => m.Rss > 0 ? $"{m.Service} {Mib(m.Rss)} / {Mib(m.Peak)}" : $"{m.Service} {Mib(m.Peak)}"))} | Queries {Mib(queries.Rss)} | | | Queries ≤ 1 GB: {Verdict(queries.Peak <= 1L << 30)} |");
        var f = r.Freshness;
        md.AppendLine($"| freshness: new relationship seen by the next FindPaths with its consistency token | {f.SeenWithToken} of {f.Trials} | | | all: {Verdict(f.SeenWithToken == f.Trials)} |");
        md.AppendLine($"| freshness lag without the token: p50 / p95 ms | {F(f.LagWithoutToken.P50)} / {F(f.LagWithoutToken.P95)}{(f.NeverSeen > 0 ? $" ({f.NeverSeen} not seen within 10 s)" : "")} | | | report |");
        md.AppendLine();
        md.AppendLine($"Raw-insert peer wrote {r.RawImport.Columns}.").AppendLine();

        var problems = r.Outgoing.Problems.Concat(r.Both.Problems).Concat(r.Trace.Problems).Take(10).ToList();
        if (problems.Count > 0)
        {
            md.AppendLine("First problems seen:").AppendLine();
            foreach (var problem in problems) md.AppendLine($"- {problem}");
            md.AppendLine();
        }
    }

    private static bool CutShort(IReadOnlyDictionary<string, int> bounds) => bounds.ContainsKey("MaxExpansions") || bounds.ContainsKey("Deadline");

    private static string Verdict(bool met) => met ? "**met**" : "**missed**";
    private static string Ms(Percentiles p) => $"{F(p.P50)} / {F(p.P95)} / {F(p.P99)}";
    private static string F(double ms) => ms.ToString(ms < 1 ? "0.000" : ms < 100 ? "0.00" : "N0", CultureInfo.InvariantCulture);
    private static string Ratio(double a, double b) => b > 0 ? (a / b).ToString(a / b < 10 ? "0.0" : "N0", CultureInfo.InvariantCulture) + "×" : "n/a";
    private static string Mib(long bytes) => $"{bytes / 1048576.0:N0} MiB";
    private static string Gib(long bytes) => $"{bytes / 1073741824.0:N1} GiB";
    private static string Bounds(IReadOnlyDictionary<string, int> bounds) => bounds.Count == 0 ? "" : $" ({string.Join(", ", bounds.Select(b => $"{b.Key} {b.Value}"))})";
}
