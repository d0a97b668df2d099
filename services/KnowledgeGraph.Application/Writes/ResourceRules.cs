using Google.Protobuf;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Store;

namespace KnowledgeGraph.Application.Writes;

/// <summary>
/// What the handlers need to know about one kind of resource (entities, relationships): its names,
/// its checks against the ontology and the stored graph, and how the port reads and writes it.
/// Everything else about writing and reading resources is written once, for both.
/// </summary>
public abstract class ResourceRules<T> where T : class, IMessage<T>, new()
{
    /// <summary>"Entity" or "Relationship": the method names are built from it (CreateEntity ...).</summary>
    public abstract string TypeName { get; }

    /// <summary>The resource type of errors' ResourceInfo, for example knowledgegraph.v1.Entity.</summary>
    public abstract string ResourceType { get; }

    /// <summary>The request field that holds the resource ("entity"), and the collection of its names ("entities").</summary>
    public abstract string Field { get; }
    public abstract string Collection { get; }

    public abstract FieldMaskMerger<T> Merger { get; }

    public abstract string NameOf(T resource);
    public abstract void SetName(T resource, string name);
    public abstract string EtagOf(T resource);

    /// <summary>The resource name for a client-chosen id.</summary>
    public abstract string NameOfId(string id);

    /// <summary>The name, checked; INVALID_ARGUMENT for anything that is not one of this collection's names.</summary>
    public abstract string CheckName(string? name, string field);

    /// <summary>Violations of the ontology and the model's rules by a complete resource.</summary>
    public abstract List<FieldViolation> Validate(T resource, string field);

    /// <summary>The error for a write that changes a field fixed at creation, if it does.</summary>
    public virtual GraphException? ImmutableChange(T stored, T incoming) => null;

    public abstract Task<IReadOnlyDictionary<string, T>> ReadAsync(IUnitOfWork unit, IReadOnlyCollection<string> names, CancellationToken cancellationToken);
    public abstract void Insert(IUnitOfWork unit, T resource);
    public abstract void Replace(IUnitOfWork unit, T resource);

    /// <summary>Deletes <paramref name="stored"/>, with what must go with it, or fails if it may not go.</summary>
    public abstract Task DeleteAsync(IUnitOfWork unit, T stored, bool force, CancellationToken cancellationToken);

    /// <summary>The checks that need the stored graph, prepared for <paramref name="creates"/> (the rows that do not exist yet).</summary>
    public abstract Task<IStoredGraphCheck<T>> StoredGraphCheckAsync(IUnitOfWork unit, IReadOnlyCollection<T> creates, CancellationToken cancellationToken);

    public abstract Task<IReadOnlyList<T>> GetAsync(IGraphSnapshot snapshot, IReadOnlyCollection<string> names, CancellationToken cancellationToken);

    /// <summary>A page of the list: <paramref name="filter"/> (AIP-160) parsed and checked, names after <paramref name="after"/>.</summary>
    public abstract Task<IReadOnlyList<T>> ListAsync(IGraphSnapshot snapshot, string? filter, string? after, int limit, CancellationToken cancellationToken);
}

/// <summary>
/// The rules a write must keep with the graph as stored (endpoints exist and have allowed kinds; a kind
/// change keeps every relationship valid), checked row by row inside the unit of work.
/// </summary>
public interface IStoredGraphCheck<in T>
{
    /// <summary>The error that refuses <paramref name="incoming"/> (replacing <paramref name="stored"/>, or new when null), or null.</summary>
    Task<GraphException?> CheckAsync(T incoming, T? stored, CancellationToken cancellationToken);

    /// <summary>Tells the check that <paramref name="written"/> will be written, so later rows of the same unit see it.</summary>
    void Accepted(T written);
}
