using System.Text.Json;
using KnowledgeGraph.Domain.Errors;

namespace KnowledgeGraph.Cli.Tests;

/// <summary><c>kg import</c> against an empty store: counts, idempotence, rejected rows, CSV.</summary>
public sealed class ImportTests : IAsyncLifetime
{
    private readonly CliServices _cli = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("kg-cli-import-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _cli.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Importing_the_seed_creates_every_row_and_a_second_run_changes_nothing_and_says_so()
    {
        var first = await _cli.KgAsync("import", SeedFiles.Entities, SeedFiles.Relationships, "--json");
        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        using (var report = JsonDocument.Parse(first.Out))
        {
            Assert.Equal(SeedFiles.EntityCount, report.RootElement.GetProperty("entities").GetProperty("created").GetInt32());
            Assert.Equal(SeedFiles.RelationshipCount, report.RootElement.GetProperty("relationships").GetProperty("created").GetInt32());
            Assert.Equal(0, report.RootElement.GetProperty("entities").GetProperty("rejected").GetInt32());
            Assert.Equal(0, report.RootElement.GetProperty("relationships").GetProperty("rejected").GetInt32());
            Assert.False(report.RootElement.GetProperty("unchanged").GetBoolean());
            Assert.False(string.IsNullOrEmpty(report.RootElement.GetProperty("consistencyToken").GetString()));
        }

        var second = await _cli.KgAsync("import", SeedFiles.Entities, SeedFiles.Relationships);
        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        var total = SeedFiles.EntityCount + SeedFiles.RelationshipCount;
        Assert.Contains($"Nothing changed: all {total} rows were already in the graph.", second.Out);
        Assert.Matches(@"entities\s*│\s*" + SeedFiles.EntityCount + @"\s*│\s*0\s*│\s*0\s*│\s*" + SeedFiles.EntityCount + @"\s*│\s*0", second.Out);
        Assert.Matches(@"relationships\s*│\s*" + SeedFiles.RelationshipCount + @"\s*│\s*0\s*│\s*0\s*│\s*" + SeedFiles.RelationshipCount + @"\s*│\s*0", second.Out);
    }

    [Fact]
    public async Task Rejected_rows_are_listed_with_file_line_and_reason_and_the_exit_code_is_3()
    {
        var file = Path.Combine(_dir, "mixed.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"name":"entities/good-country","kind":"Country","displayName":"Good Country"}""",
            """{"name":"entities/bad-kind","kind":"Planet","displayName":"Mars"}""",
            """{"name":"entities/broken", "kind": """,
            """{"name":"relationships/bad-share","type":"SUPPLIES","source":"entities/good-country","target":"entities/good-country","properties":{"share":{"numberValue":1.5}}}""",
            """{"name":"relationships/no-endpoint","type":"LOCATED_IN","source":"entities/nowhere","target":"entities/good-country"}""",
        ]);

        var result = await _cli.KgAsync("import", file);

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        Assert.Contains($"{file}:2", result.Out);
        Assert.Contains(ErrorReasons.UnknownKind, result.Out);
        Assert.Contains($"{file}:3", result.Out);
        Assert.Contains("MALFORMED_ROW", result.Out);
        Assert.Contains($"{file}:4", result.Out);
        Assert.Contains(ErrorReasons.PropertyOutOfRange, result.Out);
        Assert.Contains($"{file}:5", result.Out);
        Assert.Contains("4 of 5 row(s) rejected.", result.Out);

        var json = await _cli.KgAsync("import", file, "--json");
        Assert.Equal(ExitCodes.InvalidInput, json.ExitCode);
        using var report = JsonDocument.Parse(json.Out);
        var rejected = report.RootElement.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal([2, 3, 4, 5], rejected.Select(r => r.GetProperty("line").GetInt32()));
        Assert.All(rejected, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("message").GetString())));
        Assert.Equal(ErrorReasons.UnknownKind, FindByLine(rejected, 2).GetProperty("reason").GetString());
        Assert.Equal("MALFORMED_ROW", FindByLine(rejected, 3).GetProperty("reason").GetString());
        Assert.Equal(ErrorReasons.PropertyOutOfRange, FindByLine(rejected, 4).GetProperty("reason").GetString());
        Assert.Equal(ErrorReasons.EndpointNotFound, FindByLine(rejected, 5).GetProperty("reason").GetString());
        Assert.Equal("relationships/no-endpoint", FindByLine(rejected, 5).GetProperty("name").GetString());
        Assert.Equal(1, report.RootElement.GetProperty("entities").GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task Csv_files_import_with_typed_properties_and_sources()
    {
        var entities = Path.Combine(_dir, "entities.csv");
        await File.WriteAllTextAsync(entities,
            "id,kind,display_name,aliases,external_ids.iso3166_alpha2,sources.document,sources.quote\n" +
            "csv-land,Country,Csv Land,\"Land of CSV|CSVL\",CL,csv-test,\"A country, quoted \"\"here\"\"\"\n" +
            "csv-mine,Project,Csv Mine,,,csv-test,A mine\n");
        var relationships = Path.Combine(_dir, "relationships.csv");
        await File.WriteAllTextAsync(relationships,
            "id,type,source,target,properties.share,properties.volume_mtpa:number,valid_to,sources.document\n" +
            "csv-mine-supplies-csv-land,SUPPLIES,csv-mine,csv-land,0.25,3,2031-01-01,csv-test\n");

        var result = await _cli.KgAsync("import", relationships, entities, "--json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using (var report = JsonDocument.Parse(result.Out))
        {
            Assert.Equal(2, report.RootElement.GetProperty("entities").GetProperty("created").GetInt32());
            Assert.Equal(1, report.RootElement.GetProperty("relationships").GetProperty("created").GetInt32());
        }
        var land = Json.Parse<V1.Entity>((await _cli.KgAsync("get", "csv-land", "--json")).Out);
        Assert.Equal(["Land of CSV", "CSVL"], land.Aliases);
        Assert.Equal("CL", land.ExternalIds["iso3166_alpha2"]);
        Assert.Equal("A country, quoted \"here\"", land.Sources[0].Quote);
        var supplies = Json.Parse<V1.Relationship>((await _cli.KgAsync("get", "relationships/csv-mine-supplies-csv-land", "--json")).Out);
        Assert.Equal(0.25, supplies.Properties["share"].NumberValue);
        Assert.Equal(3.0, supplies.Properties["volume_mtpa"].NumberValue);
        Assert.Equal(new DateTime(2031, 1, 1, 0, 0, 0, DateTimeKind.Utc), supplies.ValidTo.ToDateTime());
    }

    [Fact]
    public async Task Forcing_the_kind_reads_every_row_as_that_kind()
    {
        var file = Path.Combine(_dir, "entity.jsonl");
        await File.WriteAllLinesAsync(file, ["""{"name":"entities/forced","kind":"Country","displayName":"Forced"}"""]);

        var forced = await _cli.KgAsync("import", file, "--kind", "relationships");
        var detected = await _cli.KgAsync("import", file);

        Assert.True(forced.ExitCode == ExitCodes.InvalidInput, forced.ToString());
        Assert.Contains("not a valid relationship row", forced.Out);
        Assert.True(detected.ExitCode == ExitCodes.Ok, detected.ToString());
        Assert.Matches(@"entities\s*│\s*1\s*│\s*1\s*│", detected.Out);
    }

    [Fact]
    public async Task A_file_over_the_rows_per_call_limit_is_spread_over_several_calls_and_errors_keep_their_lines()
    {
        const int perCall = 1000;
        var entities = Path.Combine(_dir, "many.jsonl");
        await File.WriteAllLinesAsync(entities, Enumerable.Range(0, 2500).Select(i => $$"""{"name":"entities/c{{i}}","kind":"Company","displayName":"C{{i}}"}"""));
        var relationships = Path.Combine(_dir, "many.csv");
        var lines = new List<string> { "id,type,source,target,properties.share" };
        lines.AddRange(Enumerable.Range(0, 2200).Select(i => $"r{i},DEPENDS_ON,c{i},c{i + 1},0.5"));
        lines.Add("r-bad,DEPENDS_ON,c0,missing,0.5");
        await File.WriteAllLinesAsync(relationships, lines);

        var result = await _cli.KgAsync(perCall, "import", relationships, entities, "--json");

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        using var report = JsonDocument.Parse(result.Out);
        Assert.Equal(2500, report.RootElement.GetProperty("entities").GetProperty("created").GetInt32());
        Assert.Equal(2200, report.RootElement.GetProperty("relationships").GetProperty("created").GetInt32());
        var rejected = Assert.Single(report.RootElement.GetProperty("rejected").EnumerateArray());
        Assert.Equal(relationships, rejected.GetProperty("file").GetString());
        Assert.Equal(2202, rejected.GetProperty("line").GetInt32());
        Assert.Equal(ErrorReasons.EndpointNotFound, rejected.GetProperty("reason").GetString());
        Assert.True(report.RootElement.GetProperty("relationships").GetProperty("rowsPerSecond").GetDouble() > 0);
        var last = Json.Parse<V1.Relationship>((await _cli.KgAsync("get", "relationships/r2199", "--json")).Out);
        Assert.Equal("entities/c2200", last.Target);
    }

    [Fact]
    public async Task A_csv_quote_left_open_rejects_the_rest_of_the_file_at_its_line_and_imports_the_rows_before()
    {
        var file = Path.Combine(_dir, "open.csv");
        await File.WriteAllTextAsync(file, "id,kind,display_name\nbefore-quote,Country,Before\nafter-quote,Country,\"Never closed\nlast,Country,Last\n");

        var result = await _cli.KgAsync("import", file, "--json");

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        using var report = JsonDocument.Parse(result.Out);
        Assert.Equal(1, report.RootElement.GetProperty("entities").GetProperty("created").GetInt32());
        var rejected = Assert.Single(report.RootElement.GetProperty("rejected").EnumerateArray());
        Assert.Equal(3, rejected.GetProperty("line").GetInt32());
        Assert.Contains("not valid CSV", rejected.GetProperty("message").GetString());
    }

    private static JsonElement FindByLine(List<JsonElement> rows, int line) => rows.Single(r => r.GetProperty("line").GetInt32() == line);
}
