using Google.Protobuf.Collections;
using KnowledgeGraph.Application.Requests;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Paging;
using KnowledgeGraph.Domain.Search;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.Protocol;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Application.Queries;

/// <summary>Checks query requests against their documented ranges and turns them into traversal queries.</summary>
internal sealed class QueryRequests(GraphOntology ontology, QueryOptions options, TimeProvider clock)
{
    /// <summary>A checked SearchEntities request: the query normalized, the kinds, and how many results.</summary>
    public sealed record SearchQuery(string NormalizedQuery, IReadOnlyCollection<string> Kinds, int Limit);

    public SearchQuery Search(SearchEntitiesRequest request)
    {
        if (request.Query.Length > Limits.MaxSearchQueryLength)
            throw GraphException.InvalidArgument(ErrorReasons.FieldTooLong, "query", $"at most {Limits.MaxSearchQueryLength} characters");
        var normalized = SearchText.Normalize(request.Query);
        if (normalized.Length == 0)
            throw GraphException.InvalidArgument(ErrorReasons.MissingField, "query", "must contain at least one letter or digit");
        var unknown = request.Kinds.Where(k => ontology.FindKind(k) is null).ToList();
        if (unknown.Count > 0)
            throw GraphException.InvalidArgument(ErrorReasons.UnknownKind, "kinds", $"unknown kind(s) {string.Join(", ", unknown)}; known kinds: {string.Join(", ", ontology.KindNames)}");
        return new(normalized, [.. request.Kinds.Distinct()], PageSize.Resolve(request.PageSize, Limits.DefaultSearchResults, Limits.MaxSearchResults));
    }

    public PathQuery Paths(FindPathsRequest request, CallContext call)
    {
        var (source, target) = (RequestChecks.EntityName(request.Source, "source"), RequestChecks.EntityName(request.Target, "target"));
        return new(
            source,
            target,
            Types(request.RelationshipTypes),
            Defined(request.Direction, "direction") == Direction.Unspecified ? Direction.Outgoing : request.Direction,
            InRange(request.MaxDepth, "max_depth", Limits.DefaultPathDepth, Limits.MaxPathDepth),
            InRange(request.MaxPaths, "max_paths", Limits.DefaultMaxPaths, Limits.MaxMaxPaths),
            Defined(request.Mode, "mode") == PathMode.Unspecified ? PathMode.Shortest : request.Mode,
            AsOf(request.AsOf),
            Budget(call))
        { Exclude = Exclude(request.Exclude, ("source", source), ("target", target)) };
    }

    public TraceQuery Trace(TraceDependenciesRequest request, CallContext call)
    {
        var direction = TraceDirectionOf(request.Direction);
        if (!(request.MinExposure >= 0 && request.MinExposure <= 1))
            throw GraphException.InvalidArgument(ErrorReasons.OutOfRange, "min_exposure", $"must lie in [0, 1], got {request.MinExposure}");
        var root = RequestChecks.EntityName(request.Root, "root");
        return new(
            root,
            direction,
            Commodity(request.Commodity),
            InRange(request.MaxDepth, "max_depth", Limits.DefaultTraceDepth, Limits.MaxTraceDepth),
            request.MinExposure,
            InRange(request.MaxRoutes, "max_routes", Limits.DefaultMaxRoutes, Limits.MaxMaxRoutes),
            AsOf(request.AsOf),
            Budget(call))
        {
            Exclude = Exclude(request.Exclude, ("root", root)),
            CompareBaseline = request.CompareBaseline,
            MaxResults = InRange(request.MaxResults, "max_results", Limits.DefaultTraceResults, Limits.MaxTraceResults),
        };
    }

    /// <summary>A checked FindChokepoints request: a trace that counts every route (min_exposure 0), and how many candidates.</summary>
    public ChokepointQuery Chokepoints(FindChokepointsRequest request, CallContext call) => new(
        new TraceQuery(
            RequestChecks.EntityName(request.Root, "root"),
            TraceDirectionOf(request.Direction),
            Commodity(request.Commodity),
            InRange(request.MaxDepth, "max_depth", Limits.DefaultTraceDepth, Limits.MaxTraceDepth),
            MinExposure: 0,
            MaxRoutes: ChokepointAnalysis.RoutesPerCandidate,
            AsOf(request.AsOf),
            Budget(call)),
        InRange(request.MaxResults, "max_results", Limits.DefaultChokepoints, Limits.MaxChokepoints));

    private static TraceDirection TraceDirectionOf(TraceDirection direction) => Defined(direction, "direction") != TraceDirection.Unspecified ? direction
        : throw GraphException.InvalidArgument(ErrorReasons.MissingField, "direction", "is required: UPSTREAM (what the root depends on) or DOWNSTREAM (who depends on it)");

    private static string? Commodity(string commodity) => commodity.Length == 0 ? null : RequestChecks.EntityName(commodity, "commodity");

    /// <summary>
    /// The checked exclusions: at most <see cref="Limits.MaxExclusions"/> entity or relationship
    /// names, none of them an entity the question is about (<paramref name="kept"/>, by field).
    /// </summary>
    private static Exclusions Exclude(RepeatedField<string> names, params (string Field, string Name)[] kept)
    {
        if (names.Count > Limits.MaxExclusions)
            throw GraphException.InvalidArgument(ErrorReasons.OutOfRange, "exclude", $"at most {Limits.MaxExclusions} names, got {names.Count}");
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (!ResourceNames.IsEntityName(name) && !ResourceNames.IsRelationshipName(name))
                throw GraphException.InvalidArgument(ErrorReasons.InvalidName, $"exclude[{i}]", $"must be entities/{{id}} or relationships/{{id}} with an id matching {ResourceNames.IdPattern}, got '{name}'");
            if (kept.FirstOrDefault(k => k.Name == name) is { Field: { } field })
                throw GraphException.InvalidArgument(ErrorReasons.InvalidReference, $"exclude[{i}]", $"cannot exclude the {field} of the question ({name})");
        }
        return Exclusions.Of(names);
    }

    public NeighborhoodQuery Neighborhood(GetNeighborhoodRequest request, CallContext call) => new(
        RequestChecks.EntityName(request.Name, "name"),
        InRange(request.Depth, "depth", Limits.DefaultNeighborhoodDepth, Limits.MaxNeighborhoodDepth),
        Types(request.RelationshipTypes),
        Defined(request.Direction, "direction") == Direction.Unspecified ? Direction.Both : request.Direction,
        InRange(request.MaxEntities, "max_entities", Limits.DefaultNeighborhoodEntities, Limits.MaxNeighborhoodEntities),
        AsOf(request.AsOf),
        Budget(call));

    private IReadOnlySet<string> Types(RepeatedField<string> types)
    {
        var unknown = types.Where(t => ontology.FindType(t) is null).ToList();
        if (unknown.Count > 0)
            throw GraphException.InvalidArgument(ErrorReasons.UnknownRelationshipType, "relationship_types",
                $"unknown relationship type(s) {string.Join(", ", unknown)}; known types: {string.Join(", ", ontology.TypeNames)}");
        return types.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>An enum value the API defines; a number it does not define (sent by a newer or careless client) is refused, not guessed at.</summary>
    private static T Defined<T>(T value, string field) where T : struct, Enum => Enum.IsDefined(value) ? value
        : throw GraphException.InvalidArgument(ErrorReasons.OutOfRange, field, $"must be one of {string.Join(", ", Enum.GetNames<T>())}, got {Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)}");

    private static int InRange(int value, string field, int defaultValue, int max)
    {
        if (value == 0) return defaultValue;
        if (value < 1 || value > max)
            throw GraphException.InvalidArgument(ErrorReasons.OutOfRange, field, $"must lie in 1..{max} (0 means {defaultValue}), got {value}");
        return value;
    }

    private DateTimeOffset AsOf(Google.Protobuf.WellKnownTypes.Timestamp? asOf)
    {
        if (asOf is null) return clock.GetUtcNow();
        if (!TimestampChecks.IsValid(asOf))
            throw GraphException.InvalidArgument(ErrorReasons.OutOfRange, "as_of", $"must lie in {TimestampChecks.Range}");
        return asOf.ToDateTimeOffset();
    }

    /// <summary>The query's work bounds: the expansion and partial-path caps, and a stop instant before the call's deadline (or after MaxQueryTime).</summary>
    private TraversalBudget Budget(CallContext call)
    {
        var stopAt = clock.GetUtcNow() + options.MaxQueryTime;
        if (call.Deadline is { } deadline && deadline - options.DeadlineMargin < stopAt) stopAt = deadline - options.DeadlineMargin;
        return new TraversalBudget(options.ExpansionCap, stopAt) { MaxPartialPaths = options.MaxPartialPaths };
    }
}
