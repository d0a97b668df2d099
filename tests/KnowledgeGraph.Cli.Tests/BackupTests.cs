using Entities.Api;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.Store.Sqlite;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Cli.Tests;

/// <summary><c>kg backup</c> while writes go on, and <c>kg restore</c> of that backup into a store a real service then serves.</summary>
public sealed class BackupTests : IAsyncLifetime
{
    private readonly CliServices _cli = new();
    private readonly string _scratch = Directory.CreateTempSubdirectory("kg-backup-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _cli.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_scratch, recursive: true);
    }

    [Fact]
    public async Task A_backup_taken_under_writes_is_sound_and_holds_exactly_the_writes_acknowledged_before_it()
    {
        var acknowledged = 0;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await _cli.Services.Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = Id(i), Entity = Country(i) });
                Volatile.Write(ref acknowledged, i + 1);
            }
        });
        while (Volatile.Read(ref acknowledged) < 50) await Task.Delay(10);

        var backup = Path.Combine(_scratch, "graph-backup.db");
        var before = Volatile.Read(ref acknowledged);
        var result = await _cli.KgAsync("backup", backup, "--data", _cli.Services.DataPath);
        var after = Volatile.Read(ref acknowledged);
        while (Volatile.Read(ref acknowledged) < after + 20) await Task.Delay(10); // writes went on after it
        await stop.CancelAsync();
        await writer;

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("integrity and foreign-key checks pass", result.Out);
        Assert.Empty(await SqliteBackup.ProblemsAsync(backup, CancellationToken.None));

        var restored = Path.Combine(_scratch, "restored");
        var restore = await _cli.KgAsync("restore", backup, "--data", restored);
        Assert.True(restore.ExitCode == ExitCodes.Ok, restore.ToString());

        // A service over the restored store serves a prefix of the writes: each one acknowledged before the backup began, none half there.
        await using var service = new ServiceHost<EntitiesApiMarker>(restored);
        var names = await AllEntityNamesAsync(new EntityService.EntityServiceClient(service.Channel));
        Assert.InRange(names.Count, before, after + 1);
        Assert.Equal(Enumerable.Range(0, names.Count).Select(i => $"entities/{Id(i)}"), names);
    }

    [Fact]
    public async Task Backup_refuses_to_overwrite_and_restore_refuses_a_damaged_file()
    {
        await _cli.Services.Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = Id(0), Entity = Country(0) });
        var existing = Path.Combine(_scratch, "existing.db");
        await File.WriteAllTextAsync(existing, "keep me");

        var overwrite = await _cli.KgAsync("backup", existing, "--data", _cli.Services.DataPath);
        Assert.Equal(ExitCodes.Usage, overwrite.ExitCode);
        Assert.Contains("already exists", overwrite.Error);
        Assert.Equal("keep me", await File.ReadAllTextAsync(existing));

        var missing = await _cli.KgAsync("backup", Path.Combine(_scratch, "new.db"), "--data", Path.Combine(_scratch, "no-store-here"));
        Assert.Equal(ExitCodes.Usage, missing.ExitCode);
        Assert.Contains("No store at", missing.Error);

        var damaged = await _cli.KgAsync("restore", existing, "--data", _cli.Services.DataPath);
        Assert.NotEqual(ExitCodes.Ok, damaged.ExitCode);
        var names = await AllEntityNamesAsync(_cli.Services.Entities);
        Assert.Equal([$"entities/{Id(0)}"], names); // the live store is untouched
    }

    private static string Id(int i) => $"land-{i:00000}";

    private static Entity Country(int i) => new()
    {
        Kind = "Country",
        DisplayName = $"Land {i}",
        Sources = { new Source { Document = "backup-tests", Quote = $"Land {i} is a country." } },
    };

    private static async Task<List<string>> AllEntityNamesAsync(EntityService.EntityServiceClient entities)
    {
        var names = new List<string>();
        var request = new ListEntitiesRequest { PageSize = 1000 };
        do
        {
            var page = await entities.ListEntitiesAsync(request);
            names.AddRange(page.Entities.Select(e => e.Name));
            request.PageToken = page.NextPageToken;
        } while (request.PageToken.Length > 0);
        return names;
    }
}
