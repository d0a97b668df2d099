using System.Security.Cryptography;
using System.Text;
using KnowledgeGraph.Domain.Errors;

namespace KnowledgeGraph.Domain.Paging;

/// <summary>
/// Opaque, integrity-checked page tokens (AIP-158). A token holds the last name returned and a
/// fingerprint of the list and the filter it was issued for, so a tampered token, or one reused with
/// another list or another filter, is rejected with INVALID_ARGUMENT instead of returning a wrong page.
/// </summary>
public static class PageToken
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("knowledgegraph.v1/page-token");
    private const int MacLength = 16;

    public static string Encode(string lastName, string collection, string? filter)
    {
        var payload = Encoding.UTF8.GetBytes($"{Fingerprint(collection, filter)}\n{lastName}");
        var token = new byte[MacLength + payload.Length];
        HMACSHA256.HashData(Key, payload).AsSpan(0, MacLength).CopyTo(token);
        payload.CopyTo(token, MacLength);
        return Convert.ToBase64String(token).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The last name of the previous page, or null for an empty token.</summary>
    public static string? Decode(string? token, string collection, string? filter)
    {
        if (string.IsNullOrEmpty(token)) return null;
        var bytes = FromBase64Url(token);
        if (bytes is null || bytes.Length <= MacLength) throw Invalid("is not a token this service issued");
        var payload = bytes.AsSpan(MacLength);
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(Key, payload).AsSpan(0, MacLength), bytes.AsSpan(0, MacLength)))
            throw Invalid("is not a token this service issued");
        var parts = Encoding.UTF8.GetString(payload).Split('\n', 2);
        if (parts.Length != 2 || parts[0] != Fingerprint(collection, filter))
            throw Invalid("was issued for another list or another filter; send the same filter to the same list as for the first page");
        return parts[1];
    }

    private static string Fingerprint(string collection, string? filter) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{collection}\n{filter}"))).Substring(0, 16);

    private static byte[]? FromBase64Url(string token)
    {
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 += (base64.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        try { return Convert.FromBase64String(base64); }
        catch (FormatException) { return null; }
    }

    private static GraphException Invalid(string description) =>
        GraphException.InvalidArgument(ErrorReasons.InvalidPageToken, "page_token", description);
}
