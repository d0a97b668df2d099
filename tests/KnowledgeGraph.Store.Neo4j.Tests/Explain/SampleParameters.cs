namespace KnowledgeGraph.Store.Neo4j.Tests.Explain;

/// <summary>A representative value for each parameter name the statements declare, so the planner sees the types it gets in use.</summary>
internal static class SampleParameters
{
    private static readonly DateTimeOffset Now = new(2031, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static object? For(string parameter) => parameter switch
    {
        "ids" => new List<string> { "japan", "china" },
        "id" or "source_id" or "target_id" or "entity_id" => "japan",
        "after" => "",
        "limit" => 10,
        "head" => 10L,
        "count" => 1,
        "before" => Now.ToUnixTimeMilliseconds(),
        "kind" => "Country",
        "kinds" => new List<string> { "Country" },
        "type" => "SUPPLIES",
        "types" => new List<string> { "SUPPLIES" },
        "query" => "jap",
        "as_of" => Now,
        "rows" => new List<IReadOnlyDictionary<string, object?>> { Row() },
        _ => throw new ArgumentException($"No sample value for ${parameter}; add one."),
    };

    private static IReadOnlyDictionary<string, object?> Row() => new Dictionary<string, object?>
    {
        ["id"] = "japan",
        ["name"] = "entities/japan",
        ["change_seq"] = 1L,
        ["source_id"] = "china",
        ["target_id"] = "japan",
        ["props"] = new Dictionary<string, object?> { ["id"] = "japan", ["name"] = "entities/japan", ["kind"] = "Country", ["change_seq"] = 1L },
        ["record"] = new Dictionary<string, object?> { ["id"] = "r1", ["name"] = "relationships/r1", ["source_id"] = "china", ["target_id"] = "japan", ["change_seq"] = 1L },
        ["edge"] = new Dictionary<string, object?> { ["id"] = "r1", ["name"] = "relationships/r1" },
        ["method"] = "CreateEntity",
        ["response"] = new byte[] { 1, 2, 3 },
    };
}
