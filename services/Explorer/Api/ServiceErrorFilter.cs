using Grpc.Core;

namespace Explorer.Api;

/// <summary>
/// Turns a failed service call into an HTTP answer the page can show: the gRPC code's HTTP
/// counterpart and the service's message. A refused explorer credential is the explorer's fault, not the user's.
/// </summary>
public sealed class ServiceErrorFilter(ILogger<ServiceErrorFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (BadQueryException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "INVALID_ARGUMENT", e.Message);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied)
        {
            logger.LogError("The services refused the explorer's credential: {Status} {Message}", e.StatusCode, e.Status.Detail);
            return Problem(StatusCodes.Status502BadGateway, e.StatusCode.ToString(),
                "The services refused the explorer's own credential (expired or without graph.read); see docs/configuration.md.");
        }
        catch (RpcException e)
        {
            return Problem(HttpStatus(e.StatusCode), e.StatusCode.ToString(), e.Status.Detail);
        }
    }

    private static IResult Problem(int status, string code, string message) =>
        Results.Json(new { code, message }, statusCode: status);

    private static int HttpStatus(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => StatusCodes.Status400BadRequest,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status502BadGateway,
    };
}
