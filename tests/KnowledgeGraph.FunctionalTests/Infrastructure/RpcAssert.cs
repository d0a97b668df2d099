using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Rpc;
using Grpc.Core;

namespace KnowledgeGraph.FunctionalTests.Infrastructure;

/// <summary>The AIP-193 parts of a failed call, for assertions.</summary>
public sealed record RpcFailure(StatusCode Code, string Message, ErrorInfo? ErrorInfo, BadRequest? BadRequest, ResourceInfo? ResourceInfo)
{
    public string? Reason => ErrorInfo?.Reason;
    public IEnumerable<string> ViolatedFields => BadRequest?.FieldViolations.Select(v => v.Field) ?? [];
}

public static class RpcAssert
{
    /// <summary>Runs the call, asserts it fails with <paramref name="code"/> and ErrorInfo reason <paramref name="reason"/>.</summary>
    public static async Task<RpcFailure> FailsAsync(StatusCode code, string reason, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        var status = error.GetRpcStatus();
        Assert.NotNull(status);
        var failure = new RpcFailure(
            error.StatusCode,
            status!.Message,
            status.GetDetail<ErrorInfo>(),
            status.GetDetail<BadRequest>(),
            status.GetDetail<ResourceInfo>());
        Assert.Equal(code, failure.Code);
        Assert.Equal(reason, failure.Reason);
        Assert.Equal("knowledgegraph.v1", failure.ErrorInfo!.Domain);
        return failure;
    }

    public static Task<RpcFailure> FailsAsync<T>(StatusCode code, string reason, Func<AsyncUnaryCall<T>> call) =>
        FailsAsync(code, reason, async () => await call());

    /// <summary>
    /// Asserts a JSON answer is HTTP <paramref name="status"/> with the transcoded google.rpc.Status:
    /// <paramref name="code"/> and an ErrorInfo with <paramref name="reason"/>, which it returns.
    /// </summary>
    public static async Task<JsonElement> JsonFailsAsync(HttpResponseMessage response, HttpStatusCode status, StatusCode code, string reason)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)code, body.GetProperty("code").GetInt32());
        var errorInfo = body.GetProperty("details").EnumerateArray()
            .Single(detail => detail.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.ErrorInfo");
        Assert.Equal(reason, errorInfo.GetProperty("reason").GetString());
        Assert.Equal("knowledgegraph.v1", errorInfo.GetProperty("domain").GetString());
        return errorInfo;
    }
}
