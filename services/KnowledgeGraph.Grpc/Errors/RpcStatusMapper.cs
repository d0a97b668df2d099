using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using KnowledgeGraph.Domain.Errors;

namespace KnowledgeGraph.Grpc.Errors;

/// <summary>Turns a <see cref="GraphException"/> into an AIP-193 error: a google.rpc.Status with details.</summary>
public static class RpcStatusMapper
{
    public static RpcException ToRpcException(GraphException error)
    {
        var status = new Google.Rpc.Status { Code = (int)error.Code, Message = error.Message };
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
        return status.ToRpcException();
    }
}
