using Google.Protobuf;

namespace KnowledgeGraph.Cli.Output;

/// <summary>Proto3 JSON, as the API's JSON transcoding writes it.</summary>
public static class ProtoJson
{
    /// <summary>One line per message, for JSON Lines.</summary>
    public static JsonFormatter Compact { get; } = new(JsonFormatter.Settings.Default);

    /// <summary>Indented, for a single answer on a terminal or in a script.</summary>
    public static JsonFormatter Indented { get; } = new(JsonFormatter.Settings.Default.WithIndentation());

    public static void Write(TextWriter writer, IMessage message) => writer.WriteLine(Indented.Format(message));
}
