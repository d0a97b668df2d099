using CsCheck;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.FuzzTests.Generators;
using KnowledgeGraph.FuzzTests.Harness;
using Xunit.Abstractions;

namespace KnowledgeGraph.FuzzTests;

/// <summary>
/// Every RPC of the three services, over gRPC and over JSON transcoding, with hostile input, bad
/// tokens, bad consistency tokens, raw garbage frames and streams cancelled halfway, against real
/// hosts over one SQLite file. Each answer must be a documented code with its AIP-193 details
/// (never UNKNOWN or INTERNAL), a rejected write must leave the store as it was, and every service
/// must still answer its health checks after each batch of cases.
/// <para>
/// CI runs a quick count. The long run is <c>KG_FUZZ_CASES=100000 dotnet test tests/KnowledgeGraph.FuzzTests</c>;
/// it prints <c>fuzz: N cases, F failed</c> and the first failures in full (docs/testing.md).
/// </para>
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int QuickCases = 800;
    private const int CasesPerBatch = 100;

    private KnowledgeGraphServices _services = null!;
    private FuzzClients _clients = null!;
    private PageTokens _tokens = null!;

    public async Task InitializeAsync()
    {
        // Per-request logs of thousands of hostile calls would only bury the report.
        _services = new KnowledgeGraphServices(new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Warning" });
        _clients = new FuzzClients(_services);
        _tokens = await FuzzGraph.SeedAsync(_services);
    }

    public async Task DisposeAsync()
    {
        _clients.Dispose();
        await _services.DisposeAsync();
    }

    private Gen<FuzzCall> EveryRpc() => Gen.Frequency(
        (6, RpcCalls.Entities(_tokens)),
        (6, RpcCalls.Relationships(_tokens)),
        (6, RpcCalls.Queries),
        (1, ImportCalls.Entities),
        (1, ImportCalls.Relationships),
        (1, RawFrames.Calls));

    [Fact]
    public async Task Every_rpc_answers_hostile_input_with_documented_codes_and_keeps_the_store_and_services_intact()
    {
        var tally = new FuzzTally(QuickCases);
        var runner = new FuzzRunner(_clients);
        var cases = FuzzCase.Of(EveryRpc());

        // One case after another (threads: 1): the store comparison needs no other writer in between.
        await cases.SampleAsync(async fuzz =>
        {
            string? problem;
            try { problem = await runner.RunAsync(fuzz); }
            catch (Exception error) { problem = $"the harness failed: {error}"; }
            tally.Record(fuzz, problem);
            // A service that stopped answering counts as one more failed case.
            if (tally.Run % CasesPerBatch == 0 && await runner.CheckLivenessAsync() is { } down) tally.Record("health check", down);
        }, iter: tally.Planned, threads: 1);
        if (await runner.CheckLivenessAsync() is { } down) tally.Record("final health check", down);

        output.WriteLine(tally.Summary);
        Console.WriteLine(tally.Summary);
        foreach (var failure in tally.Failures) output.WriteLine(failure);
        Assert.True(tally.Failed == 0, $"{tally.Summary}:\n{string.Join("\n", tally.Failures)}");
    }
}
