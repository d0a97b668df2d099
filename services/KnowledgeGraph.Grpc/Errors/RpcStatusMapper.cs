using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using KnowledgeGraph.Domain.Errors;

namespace KnowledgeGraph.Grpc.Errors;

/// <summary>Turns a <see cref="GraphException"/> into an AIP-193 error: its canonical code and a google.rpc.Status with details.</summary>
public static class RpcStatusMapper
{
    public static StatusCode CodeOf(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidArgument => StatusCode.InvalidArgument,
        ErrorKind.NotFound => StatusCode.NotFound,
        ErrorKind.AlreadyExists => StatusCode.AlreadyExists,
        ErrorKind.FailedPrecondition => StatusCode.FailedPrecondition,
        ErrorKind.Aborted => StatusCode.Aborted,
        ErrorKind.Unavailable => StatusCode.Unavailable,
        ErrorKind.ResourceExhausted => StatusCode.ResourceExhausted,
        _ => StatusCode.Internal,
    };

    public static RpcException ToRpcException(GraphException error)
    {
        var status = new Google.Rpc.Status { Code = (int)CodeOf(error.Kind), Message = error.Message };
        status.Details.Add(Any.Pack(new ErrorInfo { Reason = error.Reason, Domain = ErrorReasons.Domain }));
        if (error.Violations.Count > 0)
        {
            var badRequest = new BadRequest();
            badRequest.FieldViolations.AddRange(error.Violations.Select(v => new BadRequest.Types.FieldViolation
            {
                Field = v.Field,
                Description = v.Description,
                Reason = v.Reason,
            }));
            status.Details.Add(Any.Pack(badRequest));
        }
        if (error.Resource is { } resource)
            status.Details.Add(Any.Pack(new ResourceInfo { ResourceType = resource.ResourceType, ResourceName = resource.Name, Description = error.Message }));
        if (error.RetryDelay is { } delay)
            status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(delay) }));
        return status.ToRpcException();
    }
}
