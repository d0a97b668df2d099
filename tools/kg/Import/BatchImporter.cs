using Grpc.Core;
using KnowledgeGraph.Protocol;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Cli.Import;

/// <summary>
/// Streams rows of one kind to ImportEntities or ImportRelationships in batches of at most
/// <see cref="Limits.MaxBatchSize"/> (the services' limit per message), and maps the per-row errors back to file and line.
/// </summary>
public sealed class BatchImporter(CliContext context)
{
    /// <summary>Imports can take long: their deadline is the <c>--timeout</c>, but at least this.</summary>
    private static readonly TimeSpan MinimumImportDeadline = TimeSpan.FromMinutes(10);

    public async Task<string?> ImportEntitiesAsync(IReadOnlyList<ImportRow> rows, KindCounts counts, List<RejectedRow> rejected, string? token, Action<int> sent, CancellationToken cancellation)
    {
        using var call = context.Clients.Entities.ImportEntities(Options(token, cancellation));
        return await RunAsync(call, rows, chunk => new ImportEntitiesRequest { Entities = { chunk.Select(r => r.Entity!) } }, counts, rejected, sent, cancellation);
    }

    public async Task<string?> ImportRelationshipsAsync(IReadOnlyList<ImportRow> rows, KindCounts counts, List<RejectedRow> rejected, string? token, Action<int> sent, CancellationToken cancellation)
    {
        using var call = context.Clients.Relationships.ImportRelationships(Options(token, cancellation));
        return await RunAsync(call, rows, chunk => new ImportRelationshipsRequest { Relationships = { chunk.Select(r => r.Relationship!) } }, counts, rejected, sent, cancellation);
    }

    private CallOptions Options(string? token, CancellationToken cancellation)
    {
        var headers = new Metadata();
        var wanted = token ?? context.ConsistencyToken;
        if (!string.IsNullOrEmpty(wanted)) headers.Add(ApiHeaders.ConsistencyToken, wanted);
        var deadline = context.Timeout > MinimumImportDeadline ? context.Timeout : MinimumImportDeadline;
        return new CallOptions(headers, DateTime.UtcNow.Add(deadline), cancellation);
    }

    private static async Task<string?> RunAsync<TRequest>(
        AsyncClientStreamingCall<TRequest, ImportSummary> call, IReadOnlyList<ImportRow> rows, Func<IEnumerable<ImportRow>, TRequest> batch,
        KindCounts counts, List<RejectedRow> rejected, Action<int> sent, CancellationToken cancellation)
    {
        foreach (var chunk in rows.Chunk(Limits.MaxBatchSize))
        {
            cancellation.ThrowIfCancellationRequested();
            await call.RequestStream.WriteAsync(batch(chunk), cancellation);
            sent(chunk.Length);
        }
        await call.RequestStream.CompleteAsync();
        var summary = await call.ResponseAsync;

        counts.Created += summary.Created;
        counts.Updated += summary.Updated;
        counts.Unchanged += summary.Unchanged;
        counts.Rejected += summary.Rejected;
        foreach (var error in summary.Errors)
        {
            var row = error.Row >= 0 && error.Row < rows.Count ? rows[error.Row] : null;
            rejected.Add(new RejectedRow(row?.File ?? "", row?.Line ?? 0, counts.Kind, error.Name.Length > 0 ? error.Name : row?.Name ?? "",
                error.Code, error.Reason, error.Message));
        }

        var headers = await call.ResponseHeadersAsync;
        return headers.GetValue(ApiHeaders.ConsistencyToken) ?? call.GetTrailers().GetValue(ApiHeaders.ConsistencyToken);
    }
}
