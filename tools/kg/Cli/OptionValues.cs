using KnowledgeGraph.V1;

namespace KnowledgeGraph.Cli;

/// <summary>Conversions of option values shared by several commands.</summary>
public static class OptionValues
{
    public static Direction Direction(string? text) => text switch
    {
        "incoming" => V1.Direction.Incoming,
        "both" => V1.Direction.Both,
        _ => V1.Direction.Outgoing,
    };

    /// <summary>Values of a repeatable option, each of which may also be comma-separated.</summary>
    public static IEnumerable<string> SplitList(IEnumerable<string>? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
