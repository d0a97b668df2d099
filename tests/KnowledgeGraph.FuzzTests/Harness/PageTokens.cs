namespace KnowledgeGraph.FuzzTests.Harness;

/// <summary>
/// Page tokens the services really issued (for entities and relationships, with and without a
/// filter), so that fuzz cases can send them to the wrong list, with the wrong filter, or tampered.
/// </summary>
public sealed class PageTokens(IEnumerable<string> issued)
{
    public string[] All { get; } = issued.SelectMany(token => new[]
    {
        token,
        Tamper(token, token.Length / 2),
        Tamper(token, token.Length - 1),
        token[..(token.Length / 2)],
        token + "A",
        token + "==",
    }).ToArray();

    private static string Tamper(string token, int at)
    {
        var chars = token.ToCharArray();
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new string(chars);
    }
}
