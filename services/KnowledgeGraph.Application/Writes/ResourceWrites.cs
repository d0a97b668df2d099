using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Application.Requests;
using KnowledgeGraph.Application.Telemetry;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.Protocol;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Application.Writes;

/// <summary>
/// Create, update, delete and import of one kind of resource, written once for entities and
/// relationships (<see cref="ResourceRules{T}"/> says what differs). Every rule of a write is checked
/// here, inside the write's unit of work: the ontology, etags, fields fixed at creation, the stored
/// graph (endpoints, kinds, remaining relationships); a write that changes nothing writes nothing.
/// </summary>
public sealed class ResourceWrites<T>(ResourceRules<T> rules, WriteRunner runner) where T : class, IMessage<T>, new()
{
    public Task<Written<T>> CreateAsync(CreateCommand<T> command, CallContext call)
    {
        var name = rules.NameOfId(RequestChecks.Id(command.Id, $"{rules.Field}_id"));
        var resource = RequestChecks.Present(command.Resource, rules.Field).WithoutServerFields();
        rules.SetName(resource, name);
        GraphValidator.ThrowIfAny(rules.Validate(resource, rules.Field));
        return runner.RunAsync($"Create{rules.TypeName}", RequestChecks.RequestId(command.RequestId), command.ValidateOnly, async write =>
        {
            var cancellation = call.Cancellation;
            if ((await rules.ReadAsync(write.Store, [name], cancellation)).ContainsKey(name))
                throw GraphException.AlreadyExists(rules.ResourceType, name);
            var check = await rules.StoredGraphCheckAsync(write.Store, [resource], cancellation);
            if (await check.CheckAsync(resource, null, cancellation) is { } refused) throw refused;
            var stored = write.Stamp(resource, null);
            rules.Insert(write.Store, stored);
            return stored;
        }, call);
    }

    public Task<Written<T>> UpdateAsync(UpdateCommand<T> command, CallContext call)
    {
        var patch = RequestChecks.Present(command.Resource, rules.Field);
        var name = rules.CheckName(rules.NameOf(patch), $"{rules.Field}.name");
        var expectedEtag = RequestChecks.Etag(rules.EtagOf(patch));
        rules.Merger.Check(command.UpdateMask);
        var incoming = patch.WithoutServerFields();
        return runner.RunAsync($"Update{rules.TypeName}", RequestChecks.RequestId(command.RequestId), command.ValidateOnly, async write =>
        {
            var cancellation = call.Cancellation;
            var stored = (await rules.ReadAsync(write.Store, [name], cancellation)).GetValueOrDefault(name);
            if (stored is null && !command.AllowMissing) throw GraphException.NotFound(rules.ResourceType, name);
            // An etag says the caller saw a version: it must still be the stored one (and a deleted one never is).
            if (expectedEtag is not null && (stored is null || expectedEtag != rules.EtagOf(stored))) throw GraphException.EtagMismatch(rules.ResourceType, name);
            if (stored is not null && rules.ImmutableChange(stored, incoming) is { } immutable) throw immutable;

            var updated = stored is null ? incoming : rules.Merger.Apply(stored, incoming, command.UpdateMask);
            rules.SetName(updated, name);
            GraphValidator.ThrowIfAny(rules.Validate(updated, rules.Field));
            if (stored is not null && ServerFields.SameContent(stored, updated)) return stored;

            var check = await rules.StoredGraphCheckAsync(write.Store, stored is null ? [updated] : [], cancellation);
            if (await check.CheckAsync(updated, stored, cancellation) is { } refused) throw refused;
            var written = write.Stamp(updated, stored);
            if (stored is null) rules.Insert(write.Store, written);
            else rules.Replace(write.Store, written);
            return written;
        }, call);
    }

    public Task<Written<Empty>> DeleteAsync(DeleteCommand command, CallContext call)
    {
        var name = rules.CheckName(command.Name, "name");
        var expectedEtag = RequestChecks.Etag(command.Etag);
        return runner.RunAsync($"Delete{rules.TypeName}", RequestChecks.RequestId(command.RequestId), command.ValidateOnly, async write =>
        {
            var stored = (await rules.ReadAsync(write.Store, [name], call.Cancellation)).GetValueOrDefault(name)
                ?? throw GraphException.NotFound(rules.ResourceType, name);
            if (expectedEtag is not null && expectedEtag != rules.EtagOf(stored)) throw GraphException.EtagMismatch(rules.ResourceType, name);
            await rules.DeleteAsync(write.Store, stored, command.Force, call.Cancellation);
            return new Empty();
        }, call);
    }

    /// <summary>
    /// Bulk upsert (client streaming): each batch of at most <see cref="Limits.MaxBatchSize"/> rows is one
    /// unit of work. Rows are numbered across the stream; a row that breaks a rule is reported with the
    /// error it would have raised alone and the others are written; a row equal to the stored resource
    /// writes nothing. The token of the last commit is returned. The store is told the call is a bulk
    /// import, so it may defer index upkeep to the call's end.
    /// </summary>
    public async Task<Written<ImportSummary>> ImportAsync(IAsyncEnumerable<IList<T>> batches, CallContext call)
    {
        await using var bulk = await runner.BeginBulkImportAsync(rules.Collection, call.Cancellation);
        var total = new ImportSummary();
        var firstRow = 0;
        string? token = null;
        await foreach (var rows in batches.WithCancellation(call.Cancellation))
        {
            RequestChecks.BatchSize(rows.Count, rules.Collection);
            if (firstRow + rows.Count > Limits.MaxImportRows)
                throw GraphException.InvalidArgument(ErrorReasons.BatchTooLarge, rules.Collection, $"an import holds at most {Limits.MaxImportRows} rows; split it into several calls");
            var batchStart = firstRow;
            var written = await runner.RunAsync($"Import{rules.TypeName}s", null, false, write => ImportBatchAsync(write, rows, batchStart, call.Cancellation), call, import: true);
            token = written.ConsistencyToken ?? token;
            Add(total, written.Value);
            ApplicationTelemetry.RowsImported(rules.Field, written.Value);
            firstRow += rows.Count;
        }
        return new(total, token);
    }

    private static void Add(ImportSummary total, ImportSummary batch)
    {
        total.Created += batch.Created;
        total.Updated += batch.Updated;
        total.Unchanged += batch.Unchanged;
        total.Rejected += batch.Rejected;
        total.Errors.AddRange(batch.Errors);
    }

    private async Task<ImportSummary> ImportBatchAsync(WriteUnit write, IList<T> rows, int firstRow, CancellationToken cancellation)
    {
        var summary = new ImportSummary();
        var valid = new List<(int Row, T Resource)>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var resource = rows[i].WithoutServerFields();
            var violations = rules.Validate(resource, $"{rules.Collection}[]");
            if (violations.Count == 0) valid.Add((firstRow + i, resource));
            else summary.Reject(firstRow + i, rules.NameOf(resource), GraphException.InvalidArgument(violations));
        }

        var current = new Dictionary<string, T>(await rules.ReadAsync(write.Store, valid.Select(r => rules.NameOf(r.Resource)).Distinct().ToList(), cancellation), StringComparer.Ordinal);
        var check = await rules.StoredGraphCheckAsync(write.Store, valid.Select(r => r.Resource).Where(r => !current.ContainsKey(rules.NameOf(r))).ToList(), cancellation);
        var created = new HashSet<string>(StringComparer.Ordinal);
        var toWrite = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (row, resource) in valid)
        {
            var name = rules.NameOf(resource);
            var existing = current.GetValueOrDefault(name);
            if (existing is not null && rules.ImmutableChange(existing, resource) is { } immutable) summary.Reject(row, name, immutable);
            else if (existing is not null && ServerFields.SameContent(existing, resource)) summary.Unchanged++;
            else if (await check.CheckAsync(resource, existing, cancellation) is { } refused) summary.Reject(row, name, refused);
            else
            {
                var stamped = write.Stamp(resource, existing);
                if (existing is null) { created.Add(name); summary.Created++; }
                else summary.Updated++;
                current[name] = toWrite[name] = stamped;
                check.Accepted(stamped);
            }
        }
        // Each name is written once, in its final state; a row created and then changed in the same batch is one insert.
        foreach (var (name, resource) in toWrite)
        {
            if (created.Contains(name)) rules.Insert(write.Store, resource);
            else rules.Replace(write.Store, resource);
        }
        var inRowOrder = summary.Errors.OrderBy(e => e.Row).ToList();
        summary.Errors.Clear();
        summary.Errors.AddRange(inRowOrder);
        return summary;
    }
}
