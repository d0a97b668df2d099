using Google.Protobuf.WellKnownTypes;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>One write transaction: its session, its clock reading and the last change it logged.</summary>
internal sealed class WriteContext(SqlSession session, DateTimeOffset now)
{
    public SqlSession Session { get; } = session;
    public DateTimeOffset Now { get; } = now;
    public Timestamp NowTimestamp { get; } = Timestamp.FromDateTimeOffset(now);

    /// <summary>The change-log seq of the last change this transaction made, if any.</summary>
    public long? LastSeq { get; private set; }

    public async Task<long> LogChangeAsync(string op, string resource, CancellationToken cancellationToken)
    {
        var seq = await ChangeLog.AppendAsync(Session, op, resource, Now, cancellationToken);
        LastSeq = seq;
        return seq;
    }
}
