using Google.Protobuf.WellKnownTypes;

namespace KnowledgeGraph.Application.Writes;

/// <summary>Create (AIP-133): the client-chosen id, the resource, an optional request id (AIP-155), validate_only (AIP-163).</summary>
public sealed record CreateCommand<T>(string Id, T? Resource, string RequestId, bool ValidateOnly);

/// <summary>Update (AIP-134): the resource with its name and optional etag, the update mask, allow_missing.</summary>
public sealed record UpdateCommand<T>(T? Resource, FieldMask? UpdateMask, bool AllowMissing, string RequestId, bool ValidateOnly);

/// <summary>Delete (AIP-135): the name, an optional etag, force (entities: also their relationships).</summary>
public sealed record DeleteCommand(string Name, string Etag, bool Force, string RequestId, bool ValidateOnly);
