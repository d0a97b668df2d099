using Grpc.Core;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Grpc.Consistency;
using KnowledgeGraph.Store;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Grpc.Requests;

/// <summary>
/// Runs a client-streaming import: each message is one batch (at most <see cref="Limits.MaxBatchSize"/>
/// rows), validated row by row; valid rows are upserted in one transaction per batch, invalid ones are
/// reported with their row number across the whole stream. The last commit's token is sent back.
/// </summary>
public sealed class BulkImport<TRow>(
    Func<TRow, List<FieldViolation>> validate,
    Func<TRow, string> nameOf,
    Func<IReadOnlyList<TRow>, CancellationToken, Task<Committed<ImportSummary>>> upsert)
{
    public async Task<ImportSummary> RunAsync<TBatch>(IAsyncStreamReader<TBatch> batches, Func<TBatch, IList<TRow>> rowsOf, string rowsField, ServerCallContext context)
    {
        var total = new ImportSummary();
        var rowOffset = 0;
        string? token = null;
        await foreach (var batch in batches.ReadAllAsync(context.CancellationToken))
        {
            var rows = rowsOf(batch);
            RequestChecks.BatchSize(rows.Count, rowsField);
            if (rowOffset + rows.Count > Limits.MaxImportRows)
                throw GraphException.InvalidArgument(ErrorReasons.BatchTooLarge, rowsField, $"an import holds at most {Limits.MaxImportRows} rows; split it into several calls");

            var valid = new List<TRow>(rows.Count);
            var originalRow = new List<int>(rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                var violations = validate(rows[i]);
                if (violations.Count == 0)
                {
                    valid.Add(rows[i]);
                    originalRow.Add(rowOffset + i);
                    continue;
                }
                total.Reject(rowOffset + i, nameOf(rows[i]), GraphException.InvalidArgument(violations));
            }

            if (valid.Count > 0)
            {
                var committed = await upsert(valid, context.CancellationToken);
                token = committed.ConsistencyToken;
                total.Created += committed.Value.Created;
                total.Updated += committed.Value.Updated;
                total.Unchanged += committed.Value.Unchanged;
                total.Rejected += committed.Value.Rejected;
                foreach (var error in committed.Value.Errors)
                {
                    var mapped = error.Clone();
                    mapped.Row = originalRow[error.Row];
                    total.Errors.Add(mapped);
                }
            }
            rowOffset += rows.Count;
        }

        var ordered = total.Errors.OrderBy(e => e.Row).ToList();
        total.Errors.Clear();
        total.Errors.AddRange(ordered);
        if (token is not null) await ConsistencyToken.SendAsync(context, token);
        return total;
    }
}
