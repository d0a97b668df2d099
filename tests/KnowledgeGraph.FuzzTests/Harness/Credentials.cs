using Grpc.Core;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using KnowledgeGraph.FunctionalTests.Infrastructure;

namespace KnowledgeGraph.FuzzTests.Harness;

/// <summary>What a call's <c>authorization</c> header carries, and what the services must answer to it.</summary>
public sealed record Credential(string Name, string? Header, CredentialKind Kind)
{
    public override string ToString() => Name;
}

public enum CredentialKind
{
    /// <summary>A valid token with every scope: the call is judged on its input.</summary>
    Full,
    /// <summary>A valid token with <c>graph.read</c> only: every write is PERMISSION_DENIED.</summary>
    ReadOnly,
    /// <summary>A valid token with <c>graph.write</c>: a forced delete is PERMISSION_DENIED.</summary>
    WriteOnly,
    /// <summary>A valid token without any of the API's scopes: PERMISSION_DENIED.</summary>
    NoScope,
    /// <summary>No token, or one the services must not accept: UNAUTHENTICATED.</summary>
    Refused,
}

public static class Credentials
{
    private static readonly Credential Full = new("full token", Bearer(TestTokens.All), CredentialKind.Full);

    private static readonly Credential[] Others =
    [
        new("read-only token", Bearer(TestTokens.Mint("graph.read")), CredentialKind.ReadOnly),
        new("write token", Bearer(TestTokens.Mint("graph.write")), CredentialKind.WriteOnly),
        new("scp claim, write", Bearer(TestTokens.Mint("graph.write", claim: "scp")), CredentialKind.WriteOnly),
        new("unknown scope", Bearer(TestTokens.Mint("graph.everything")), CredentialKind.NoScope),
        new("no header", null, CredentialKind.Refused),
        new("expired", Bearer(TestTokens.Expired("graph.admin")), CredentialKind.Refused),
        new("foreign key", Bearer(TestTokens.Mint("graph.admin", key: RandomNumberGenerator.GetBytes(32))), CredentialKind.Refused),
        new("wrong audience", Bearer(TestTokens.Mint("graph.admin", audience: "another-api")), CredentialKind.Refused),
        new("wrong issuer", Bearer(TestTokens.Mint("graph.admin", issuer: "https://evil.invalid")), CredentialKind.Refused),
        new("alg none", Bearer(Unsigned()), CredentialKind.Refused),
        new("tampered signature", Bearer(Tampered(TestTokens.All)), CredentialKind.Refused),
        new("garbage", "Bearer not-a-jwt", CredentialKind.Refused),
        new("empty bearer", "Bearer ", CredentialKind.Refused),
        new("basic scheme", "Basic dXNlcjpwYXNz", CredentialKind.Refused),
        new("huge token", Bearer(new string('a', 12_000)), CredentialKind.Refused),
    ];

    /// <summary>Mostly the full token, so that input reaches the handlers; otherwise any of the others.</summary>
    public static Gen<Credential> Any { get; } = Gen.Frequency((12, Gen.Const(Full)), (3, Gen.OneOf(Others)));

    public static Credential FullToken => Full;

    /// <summary>The status a credential forces, whatever the input; null when the input decides.</summary>
    public static StatusCode? Forced(Credential credential, FuzzCall call) => credential.Kind switch
    {
        CredentialKind.Refused => StatusCode.Unauthenticated,
        CredentialKind.NoScope => StatusCode.PermissionDenied,
        CredentialKind.ReadOnly when call.Writes != Writes.Nothing => StatusCode.PermissionDenied,
        CredentialKind.WriteOnly when call.Request is KnowledgeGraph.V1.DeleteEntityRequest { Force: true } => StatusCode.PermissionDenied,
        _ => null,
    };

    private static string Bearer(string token) => $"Bearer {token}";

    /// <summary>A token with <c>"alg": "none"</c> and no signature, claiming every scope.</summary>
    private static string Unsigned()
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return $"{Part("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{Part($"{{\"iss\":\"{TestTokens.Issuer}\",\"aud\":\"{TestTokens.Audience}\",\"scope\":\"graph.admin\",\"exp\":{exp}}}")}.";
    }

    private static string Tampered(string token)
    {
        var chars = token.ToCharArray();
        var last = chars.Length - 2;
        chars[last] = chars[last] == 'A' ? 'B' : 'A';
        return new string(chars);
    }
}
