namespace KnowledgeGraph.Domain.Errors;

/// <summary>The machine-readable reasons sent in google.rpc.ErrorInfo, domain <see cref="Domain"/>.</summary>
public static class ErrorReasons
{
    public const string Domain = "knowledgegraph.v1";

    public const string InvalidName = "INVALID_NAME";
    public const string InvalidId = "INVALID_ID";
    public const string MissingField = "MISSING_FIELD";
    public const string UnknownKind = "UNKNOWN_KIND";
    public const string UnknownRelationshipType = "UNKNOWN_RELATIONSHIP_TYPE";
    public const string WrongEndpointKind = "WRONG_ENDPOINT_KIND";
    public const string UnknownProperty = "UNKNOWN_PROPERTY";
    public const string WrongPropertyType = "WRONG_PROPERTY_TYPE";
    public const string PropertyOutOfRange = "PROPERTY_OUT_OF_RANGE";
    public const string InvalidReference = "INVALID_REFERENCE";
    public const string InvalidExternalId = "INVALID_EXTERNAL_ID";
    public const string InvalidValidity = "INVALID_VALIDITY";
    public const string InvalidSource = "INVALID_SOURCE";
    public const string InvalidFieldMask = "INVALID_FIELD_MASK";
    public const string ImmutableField = "IMMUTABLE_FIELD";
    public const string InvalidFilter = "INVALID_FILTER";
    public const string InvalidPageToken = "INVALID_PAGE_TOKEN";
    public const string OutOfRange = "OUT_OF_RANGE";
    public const string BatchTooLarge = "BATCH_TOO_LARGE";
    public const string FieldTooLong = "FIELD_TOO_LONG";
    public const string InvalidConsistencyToken = "INVALID_CONSISTENCY_TOKEN";
    public const string RequestIdReused = "REQUEST_ID_REUSED";
    public const string MalformedMessage = "MALFORMED_MESSAGE";
    public const string MessageTooLarge = "MESSAGE_TOO_LARGE";

    public const string NotFound = "NOT_FOUND";
    public const string AlreadyExists = "ALREADY_EXISTS";
    public const string EtagMismatch = "ETAG_MISMATCH";
    public const string EndpointNotFound = "ENDPOINT_NOT_FOUND";
    public const string HasRelationships = "HAS_RELATIONSHIPS";
    public const string ConsistencyTimeout = "CONSISTENCY_TIMEOUT";
    public const string ConsistencyTokenExpired = "CONSISTENCY_TOKEN_EXPIRED";
    public const string StoreUnavailable = "STORE_UNAVAILABLE";
    public const string ConcurrentWrite = "CONCURRENT_WRITE";
    public const string ProjectionLoading = "PROJECTION_LOADING";
}
