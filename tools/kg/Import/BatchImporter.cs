using System.Threading.Channels;
using Grpc.Core;
using KnowledgeGraph.Protocol;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Cli.Import;

/// <summary>
/// Streams the rows of one kind to ImportEntities or ImportRelationships: in batches of at most
/// <see cref="Limits.MaxBatchSize"/> rows (the services' limit per message), over as many calls as
/// <see cref="Limits.MaxImportRows"/> per call needs (<see cref="KgHost.ImportRowsPerCall"/>), reading ahead of the service by a few batches.
/// Rows that could not be read are reported, not sent; the server's per-row errors are mapped back to file and line.
/// </summary>
public sealed class BatchImporter(CliContext context)
{
    /// <summary>Imports can take long: their deadline is the <c>--timeout</c>, but at least this.</summary>
    private static readonly TimeSpan MinimumImportDeadline = TimeSpan.FromMinutes(10);

    /// <summary>Batches read ahead of the one being sent: enough to keep reading and the service busy at once, few enough to bound memory.</summary>
    private const int ReadAhead = 4;

    /// <summary>
    /// Imports <paramref name="rows"/> (all of <paramref name="counts"/>' kind, or unreadable) and returns the
    /// consistency token of the last call, or <paramref name="token"/> when nothing was sent.
    /// </summary>
    public async Task<string?> ImportAsync(IEnumerable<ImportRow> rows, KindCounts counts, ImportOutcome outcome, string? token, Action<int> sent, CancellationToken cancellation)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var batches = Channel.CreateBounded<ImportRow[]>(new BoundedChannelOptions(ReadAhead) { SingleReader = true, SingleWriter = true });
        var unreadable = new List<ImportRow>();
        var reading = Task.Run(() => ReadAsync(rows, counts, unreadable, batches.Writer, stop.Token), stop.Token);

        var call = new Call(this, counts.Kind, token, stop.Token);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(stop.Token))
            {
                if (call.Rows + batch.Length > context.Host.ImportRowsPerCall)
                {
                    token = await call.CompleteAsync(counts, outcome.Rejected) ?? token;
                    call.Dispose();
                    call = new Call(this, counts.Kind, token, stop.Token);
                }
                await call.WriteAsync(batch);
                sent(batch.Length);
            }
            token = await call.CompleteAsync(counts, outcome.Rejected) ?? token;
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            call.Dispose();
            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        await reading;
        foreach (var row in unreadable)
        {
            var kind = outcome.For(row.Kind);
            kind.Read++;
            kind.Rejected++;
            outcome.Rejected.Add(new RejectedRow(row.File, row.Line, kind.Kind, row.Name, "INVALID_ARGUMENT", "MALFORMED_ROW", row.Problem!));
        }
        return token;
    }

    /// <summary>Reads rows into batches for the sender; counts what it read, and keeps the rows that could not be read. Runs beside the sender.</summary>
    private static async Task ReadAsync(IEnumerable<ImportRow> rows, KindCounts counts, List<ImportRow> unreadable, ChannelWriter<ImportRow[]> batches, CancellationToken cancellation)
    {
        try
        {
            var batch = new List<ImportRow>(Limits.MaxBatchSize);
            foreach (var row in rows)
            {
                cancellation.ThrowIfCancellationRequested();
                if (row.Problem is not null)
                {
                    unreadable.Add(row);
                    continue;
                }
                counts.Read++;
                batch.Add(row);
                if (batch.Count < Limits.MaxBatchSize) continue;
                await batches.WriteAsync([.. batch], cancellation);
                batch.Clear();
            }
            if (batch.Count > 0) await batches.WriteAsync([.. batch], cancellation);
            batches.Complete();
        }
        catch (Exception exception)
        {
            batches.Complete(exception);
            throw;
        }
    }

    private ServiceClients Clients => context.Clients;

    private CallOptions Options(string? token, CancellationToken cancellation)
    {
        var headers = new Metadata();
        var wanted = token ?? context.ConsistencyToken;
        if (!string.IsNullOrEmpty(wanted)) headers.Add(ApiHeaders.ConsistencyToken, wanted);
        var deadline = context.Timeout > MinimumImportDeadline ? context.Timeout : MinimumImportDeadline;
        return new CallOptions(headers, DateTime.UtcNow.Add(deadline), cancellation);
    }

    /// <summary>One client-streaming call, started on its first batch, with where each of its rows came from.</summary>
    private sealed class Call(BatchImporter importer, string kind, string? token, CancellationToken cancellation) : IDisposable
    {
        private readonly List<(string File, int Line)> _origins = [];
        private AsyncClientStreamingCall<ImportEntitiesRequest, ImportSummary>? _entities;
        private AsyncClientStreamingCall<ImportRelationshipsRequest, ImportSummary>? _relationships;

        public int Rows => _origins.Count;

        public async Task WriteAsync(ImportRow[] batch)
        {
            foreach (var row in batch) _origins.Add((row.File, row.Line));
            if (batch[0].Kind == RowKind.Relationship)
            {
                _relationships ??= importer.Clients.Relationships.ImportRelationships(importer.Options(token, cancellation));
                await _relationships.RequestStream.WriteAsync(new ImportRelationshipsRequest { Relationships = { batch.Select(r => r.Relationship!) } }, cancellation);
            }
            else
            {
                _entities ??= importer.Clients.Entities.ImportEntities(importer.Options(token, cancellation));
                await _entities.RequestStream.WriteAsync(new ImportEntitiesRequest { Entities = { batch.Select(r => r.Entity!) } }, cancellation);
            }
        }

        /// <summary>Ends the call, adds its counts and rejected rows, and returns its consistency token (null for a call never started).</summary>
        public async Task<string?> CompleteAsync(KindCounts counts, List<RejectedRow> rejected)
        {
            ImportSummary summary;
            Metadata headers;
            Func<Metadata> trailers;
            if (_entities is not null)
            {
                await _entities.RequestStream.CompleteAsync();
                summary = await _entities.ResponseAsync;
                headers = await _entities.ResponseHeadersAsync;
                trailers = _entities.GetTrailers;
            }
            else if (_relationships is not null)
            {
                await _relationships.RequestStream.CompleteAsync();
                summary = await _relationships.ResponseAsync;
                headers = await _relationships.ResponseHeadersAsync;
                trailers = _relationships.GetTrailers;
            }
            else return null;

            counts.Created += summary.Created;
            counts.Updated += summary.Updated;
            counts.Unchanged += summary.Unchanged;
            counts.Rejected += summary.Rejected;
            foreach (var error in summary.Errors)
            {
                var (file, line) = error.Row >= 0 && error.Row < _origins.Count ? _origins[error.Row] : ("", 0);
                rejected.Add(new RejectedRow(file, line, kind, error.Name, error.Code, error.Reason, error.Message));
            }
            return headers.GetValue(ApiHeaders.ConsistencyToken) ?? trailers().GetValue(ApiHeaders.ConsistencyToken);
        }

        public void Dispose()
        {
            _entities?.Dispose();
            _relationships?.Dispose();
        }
    }
}
