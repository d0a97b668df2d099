using System.Globalization;
using Google.Protobuf.Collections;
using Grpc.Core;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.Grpc.Requests;
using KnowledgeGraph.V1;

namespace Queries.Api.Grpc;

/// <summary>Checks query requests against their documented ranges and turns them into traversal queries.</summary>
internal sealed class QueryRequests(GraphOntology ontology, QueryOptions options, TimeProvider clock)
{
    public PathQuery Paths(FindPathsRequest request, ServerCallContext context) => new(
        RequestChecks.EntityName(request.Source, "source"),
        RequestChecks.EntityName(request.Target, "target"),
        Types(request.RelationshipTypes),
        request.Direction == Direction.Unspecified ? Direction.Outgoing : request.Direction,
        InRange(request.MaxDepth, "max_depth", Limits.DefaultPathDepth, Limits.MaxPathDepth),
        InRange(request.MaxPaths, "max_paths", Limits.DefaultMaxPaths, Limits.MaxMaxPaths),
        request.Mode == PathMode.Unspecified ? PathMode.Shortest : request.Mode,
        AsOf(request.AsOf),
        Budget(context));

    public TraceQuery Trace(TraceDependenciesRequest request, ServerCallContext context)
    {
        if (request.Direction == TraceDirection.Unspecified)
            throw GraphException.InvalidArgument(ErrorReasons.MissingField, "direction", "is required: UPSTREAM (what the root depends on) or DOWNSTREAM (who depends on it)");
        if (!(request.MinExposure >= 0 && request.MinExposure <= 1))
            throw GraphException.InvalidArgument(ErrorReasons.OutOfRange, "min_exposure", $"must lie in [0, 1], got {request.MinExposure}");
        return new(
            RequestChecks.EntityName(request.Root, "root"),
            request.Direction,
            request.Commodity.Length == 0 ? null : RequestChecks.EntityName(request.Commodity, "commodity"),
            InRange(request.MaxDepth, "max_depth", Limits.DefaultTraceDepth, Limits.MaxTraceDepth),
            request.MinExposure,
            InRange(request.MaxRoutes, "max_routes", Limits.DefaultMaxRoutes, Limits.MaxMaxRoutes),
            AsOf(request.AsOf),
            Budget(context));
    }

    public NeighborhoodQuery Neighborhood(GetNeighborhoodRequest request, ServerCallContext context) => new(
        RequestChecks.EntityName(request.Name, "name"),
        InRange(request.Depth, "depth", Limits.DefaultNeighborhoodDepth, Limits.MaxNeighborhoodDepth),
        Types(request.RelationshipTypes),
        request.Direction == Direction.Unspecified ? Direction.Both : request.Direction,
        InRange(request.MaxEntities, "max_entities", Limits.DefaultNeighborhoodEntities, Limits.MaxNeighborhoodEntities),
        AsOf(request.AsOf),
        Budget(context));

    private IReadOnlySet<string> Types(RepeatedField<string> types)
    {
        var unknown = types.Where(t => ontology.FindType(t) is null).ToList();
        if (unknown.Count > 0)
            throw GraphException.InvalidArgument(ErrorReasons.UnknownRelationshipType, "relationship_types",
                $"unknown relationship type(s) {string.Join(", ", unknown)}; known types: {string.Join(", ", ontology.TypeNames)}");
        return types.ToHashSet(StringComparer.Ordinal);
    }

    private static int InRange(int value, string field, int defaultValue, int max)
    {
        if (value == 0) return defaultValue;
        if (value < 1 || value > max)
            throw GraphException.InvalidArgument(ErrorReasons.OutOfRange, field, $"must lie in 1..{max} (0 means {defaultValue}), got {value}");
        return value;
    }

    private DateTimeOffset AsOf(Google.Protobuf.WellKnownTypes.Timestamp? asOf) =>
        asOf is null ? clock.GetUtcNow() : asOf.ToDateTimeOffset();

    private TraversalBudget Budget(ServerCallContext context)
    {
        var now = clock.GetUtcNow();
        var stopAt = now + options.MaxQueryTime;
        if (Deadline(context, now) is { } deadline)
        {
            var beforeDeadline = deadline - options.DeadlineMargin;
            if (beforeDeadline < stopAt) stopAt = beforeDeadline;
        }
        return new TraversalBudget(options.MaxExpandedRelationships, stopAt);
    }

    /// <summary>
    /// The call's deadline, if it has one. A client with no time left sends a timeout shorter than
    /// one tick (Grpc.Net.Client sends <c>grpc-timeout: 1n</c>), which the ASP.NET Core gRPC server
    /// decodes to zero and reports as no deadline at all; such a call is treated as already at its
    /// deadline, not as one that may run for MaxQueryTime.
    /// </summary>
    private static DateTimeOffset? Deadline(ServerCallContext context, DateTimeOffset now)
    {
        if (context.Deadline != DateTime.MaxValue) return new DateTimeOffset(context.Deadline, TimeSpan.Zero);
        var timeout = context.GetHttpContext().Request.Headers["grpc-timeout"].ToString();
        if (timeout.Length < 2 || !long.TryParse(timeout.AsSpan(0, timeout.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)) return null;
        var belowOneTick = amount == 0 || (timeout[^1] == 'n' && amount < 100);
        return belowOneTick ? now : null;
    }
}
