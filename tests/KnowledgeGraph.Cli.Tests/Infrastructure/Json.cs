using Google.Protobuf;

namespace KnowledgeGraph.Cli.Tests.Infrastructure;

/// <summary>Parses the CLI's <c>--json</c> output as the API message it claims to be.</summary>
public static class Json
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public static T Parse<T>(string text) where T : IMessage<T>, new() => Parser.Parse<T>(text);
}
