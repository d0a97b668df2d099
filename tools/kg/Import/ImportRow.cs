using KnowledgeGraph.V1;

namespace KnowledgeGraph.Cli.Import;

public enum RowKind
{
    Entity,
    Relationship,
}

/// <summary>One row of an input file: the resource it holds, or why it could not be read.</summary>
public sealed record ImportRow(string File, int Line, RowKind? Kind, Entity? Entity, Relationship? Relationship, string? Problem)
{
    public string Location => $"{File}:{Line}";

    public string Name => Entity?.Name ?? Relationship?.Name ?? "";

    public static ImportRow Of(string file, int line, Entity entity) => new(file, line, RowKind.Entity, entity, null, null);
    public static ImportRow Of(string file, int line, Relationship relationship) => new(file, line, RowKind.Relationship, null, relationship, null);
    public static ImportRow Unreadable(string file, int line, RowKind? kind, string problem) => new(file, line, kind, null, null, problem);
}
