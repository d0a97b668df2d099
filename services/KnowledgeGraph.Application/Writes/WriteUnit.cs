using Google.Protobuf;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Store;

namespace KnowledgeGraph.Application.Writes;

/// <summary>
/// One run of a write handler: the store's unit of work, the instant the write is made at, and
/// whether it is only validated (then nothing is stamped and nothing will be committed).
/// </summary>
public sealed class WriteUnit(IUnitOfWork store, DateTimeOffset now, bool validateOnly)
{
    private readonly Google.Protobuf.WellKnownTypes.Timestamp _now = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now);

    public IUnitOfWork Store { get; } = store;

    /// <summary>
    /// The resource as it will be stored: a new etag, updated now, created now or when <paramref name="existing"/>
    /// was. Under validate_only nothing is written, so the content is returned without etag or times.
    /// </summary>
    public T Stamp<T>(T resource, T? existing) where T : class, IMessage<T> =>
        validateOnly ? resource.WithoutServerFields() : resource.Stamped(ServerFields.NewEtag(), existing, _now);
}
