using CsCheck;
using KnowledgeGraph.FuzzTests.Generators;

namespace KnowledgeGraph.FuzzTests.Harness;

public enum Transport { Grpc, Json }

/// <summary>One generated case: a call, how it travels, the token and consistency token it carries, and its deadline.</summary>
public sealed record FuzzCase(FuzzCall Call, Transport Transport, Credential Credential, string? ConsistencyToken, TimeSpan Deadline, JsonMutation? Mutation)
{
    /// <summary>Ordinary calls get a deadline no answer should come near; a short one may end any call.</summary>
    public static readonly TimeSpan RoomyDeadline = TimeSpan.FromSeconds(30);

    /// <summary>Whether DEADLINE_EXCEEDED or CANCELLED is a fair answer: the client cut the call short itself.</summary>
    public bool MayBeCutShort => Deadline < RoomyDeadline || Call.CancelsItself;

    public override string ToString() =>
        $"{Transport} {Call} | credential: {Credential} | consistency token: {ConsistencyToken ?? "none"} | deadline: {Deadline.TotalMilliseconds} ms" +
        (Mutation is null ? "" : $" | JSON mutation: {Mutation}");

    /// <summary>
    /// Consistency tokens: none mostly; tokens of this store (reached, far ahead, overflowing),
    /// another store's, garbage. Only printable ASCII: metadata cannot carry anything else.
    /// </summary>
    private static readonly Gen<string?> ConsistencyTokens = Gen.Frequency(
        (16, Gen.Const((string?)null)),
        (2, Gen.OneOf<string?>("e1.0", "e1.1", "e1.3")),
        (1, Gen.OneOf<string?>("e1.99999999999", "e1.99999999999999999999", "e1.-1", "e1.", "e1.1.2", "e2.5", "n4:FB:abc", "garbage", "e1.0x10", "E1.1",
            "e1." + new string('9', 5000))));

    public static Gen<FuzzCase> Of(Gen<FuzzCall> calls) =>
        from call in calls
        from transport in call.Route is null ? Gen.Const(Transport.Grpc) : Gen.Frequency((3, Gen.Const(Transport.Grpc)), (2, Gen.Const(Transport.Json)))
        from credential in Credentials.Any
        from token in ConsistencyTokens
        from shortDeadline in Gen.Frequency((40, Gen.Const(false)), (1, Gen.Const(true)))
        from mutation in transport == Transport.Json ? JsonMutation.For(call.Route!) : Gen.Const((JsonMutation?)null)
        select new FuzzCase(call, transport, credential, token,
            // A token far ahead of the store is waited for until the deadline: keep that wait short.
            shortDeadline ? TimeSpan.FromMilliseconds(1) : token is { Length: > 8 } ? TimeSpan.FromMilliseconds(300) : RoomyDeadline,
            mutation);
}
