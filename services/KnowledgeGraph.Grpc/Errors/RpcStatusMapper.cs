using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using KnowledgeGraph.Domain.Errors;

namespace KnowledgeGraph.Grpc.Errors;

/// <summary>Turns a <see cref="GraphException"/> into an AIP-193 error: its canonical code and a google.rpc.Status with details.</summary>
public static class RpcStatusMapper
{
    // The status travels in HTTP/2 trailers, which clients cap (Grpc.Net.Client at 64 KiB), and its
    // texts quote the client's input (a name, a map key): an error quoting a 1 MB name would reach the
    // client as a broken call instead. So each text is cut, and the violations listed are the first few.
    public const int MaxMessageLength = 1024;
    public const int MaxFieldLength = 256;
    public const int MaxDescriptionLength = 512;
    public const int MaxViolations = 40;

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
        var status = new Google.Rpc.Status { Code = (int)CodeOf(error.Kind), Message = Bounded(error.Message, MaxMessageLength) };
        status.Details.Add(Any.Pack(new ErrorInfo { Reason = error.Reason, Domain = ErrorReasons.Domain }));
        if (error.Violations.Count > 0)
        {
            var badRequest = new BadRequest();
            badRequest.FieldViolations.AddRange(error.Violations.Take(MaxViolations).Select(v => new BadRequest.Types.FieldViolation
            {
                Field = Bounded(v.Field, MaxFieldLength),
                Description = Bounded(v.Description, MaxDescriptionLength),
                Reason = v.Reason,
            }));
            status.Details.Add(Any.Pack(badRequest));
        }
        if (error.Resource is { } resource)
            status.Details.Add(Any.Pack(new ResourceInfo { ResourceType = resource.ResourceType, ResourceName = Bounded(resource.Name, MaxFieldLength), Description = Bounded(error.Message, MaxDescriptionLength) }));
        if (error.RetryDelay is { } delay)
            status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(delay) }));
        return status.ToRpcException();
    }

    private static string Bounded(string text, int max) =>
        text.Length <= max ? text : $"{text[..max]}… ({text.Length - max} more characters)";
}
