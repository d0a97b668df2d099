using KnowledgeGraph.V1;
using Spectre.Console;

namespace KnowledgeGraph.Cli.Output;

/// <summary>Field/value tables for one entity or one relationship, evidence included.</summary>
public static class ResourceViews
{
    public static Table Entity(Entity entity)
    {
        var table = Cells.FieldTable()
            .AddTextRow("name", entity.Name)
            .AddTextRow("kind", entity.Kind)
            .AddTextRow("display name", entity.DisplayName);
        if (!string.IsNullOrEmpty(entity.Description)) table.AddTextRow("description", entity.Description);
        if (entity.Aliases.Count > 0) table.AddTextRow("aliases", string.Join(", ", entity.Aliases));
        foreach (var (scheme, id) in entity.ExternalIds.OrderBy(e => e.Key, StringComparer.Ordinal))
            table.AddTextRow($"external id {scheme}", id);
        foreach (var (key, value) in entity.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            table.AddTextRow(key, Values.Format(value));
        AddSources(table, entity.Sources);
        AddVersion(table, entity.Etag, entity.UpdateTime);
        return table;
    }

    public static Table Relationship(Relationship relationship)
    {
        var table = Cells.FieldTable()
            .AddTextRow("name", relationship.Name)
            .AddTextRow("type", relationship.Type)
            .AddTextRow("source", relationship.Source)
            .AddTextRow("target", relationship.Target);
        foreach (var (key, value) in relationship.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            table.AddTextRow(key, Values.Format(value));
        var validity = Values.Validity(relationship.ValidFrom, relationship.ValidTo);
        table.AddTextRow("valid", validity.Length == 0 ? "always" : validity);
        AddSources(table, relationship.Sources);
        AddVersion(table, relationship.Etag, relationship.UpdateTime);
        return table;
    }

    private static void AddSources(Table table, IEnumerable<Source> sources)
    {
        var i = 0;
        foreach (var source in sources) table.AddTextRow($"source {++i}", Values.Source(source));
    }

    private static void AddVersion(Table table, string etag, Google.Protobuf.WellKnownTypes.Timestamp? updated)
    {
        if (!string.IsNullOrEmpty(etag)) table.AddTextRow("etag", etag);
        if (updated is not null) table.AddTextRow("updated", Values.Date(updated));
    }
}
