using System.Globalization;
using KnowledgeGraph.Domain.Errors;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>
/// The position of a commit in the change log, as an opaque token: <c>e1.{seq}</c>
/// ("e" for embedded, "1" the token format).
/// </summary>
internal static class ConsistencyToken
{
    private const string Prefix = "e1.";

    public static string Format(long seq) => Prefix + seq.ToString(CultureInfo.InvariantCulture);

    public static long Parse(string token)
    {
        if (token.StartsWith(Prefix, StringComparison.Ordinal)
            && token.Length > Prefix.Length
            && token.Skip(Prefix.Length).All(char.IsAsciiDigit)
            && long.TryParse(token.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            return seq;
        throw GraphException.InvalidArgument(ErrorReasons.InvalidConsistencyToken, "consistency_token", "is not a consistency token this store issued");
    }
}
