using System.Text.Json.Nodes;

namespace KnowledgeGraph.ModelTests.Commands;

/// <summary>
/// One step of a generated sequence: a call to the application core, described by values only, so
/// that each system builds its own request (protobuf messages are mutable) and a failing sequence prints readably.
/// </summary>
public abstract record Command
{
    /// <summary>The answer of <paramref name="system"/>; a <see cref="Domain.Errors.GraphException"/> it throws is an answer too (see <see cref="ModelRun"/>).</summary>
    public abstract Task<JsonNode> RunAsync(GraphSystem system);
}

/// <summary>A list that prints its items (records print arrays as their type name).</summary>
public sealed record Items<T>(IReadOnlyList<T> Values)
{
    public override string ToString() => $"[{string.Join(", ", Values)}]";
}

/// <summary>Which collection a read is about.</summary>
public enum Collection
{
    Entities,
    Relationships,
}
