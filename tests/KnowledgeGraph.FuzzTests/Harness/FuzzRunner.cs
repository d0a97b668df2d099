using System.Net;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using KnowledgeGraph.Protocol;

namespace KnowledgeGraph.FuzzTests.Harness;

/// <summary>
/// Sends fuzz cases one at a time and judges each answer (<see cref="Verdict"/>); keeps an export of
/// the store so that a rejected write can be shown to have changed nothing, and checks between
/// batches that every service still answers its health checks.
/// </summary>
public sealed class FuzzRunner(FuzzClients clients)
{
    private static readonly JsonParser StatusParser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true)
        .WithTypeRegistry(TypeRegistry.FromMessages(ErrorInfo.Descriptor, BadRequest.Descriptor, ResourceInfo.Descriptor, RetryInfo.Descriptor)));

    private byte[]? _export;

    /// <summary>Runs the case; null when every answer was a documented one, otherwise what went wrong.</summary>
    public async Task<string?> RunAsync(FuzzCase fuzz)
    {
        _export ??= await StoreExport.ReadAsync(clients);
        var (rejected, problem) = fuzz.Transport == Transport.Json && fuzz.Call.Route is { } route
            ? await SendJsonAsync(fuzz, route)
            : await SendGrpcAsync(fuzz);
        if (problem is not null) return problem;
        if (fuzz.Call.Writes == Writes.Nothing) return null;

        var after = await StoreExport.ReadAsync(clients);
        // A write cut short by its own deadline may have committed just before: only a clear rejection is held to "nothing changed".
        var mustBeUnchanged = rejected is { } code && fuzz.Call.Writes == Writes.Atomic && code is not (StatusCode.DeadlineExceeded or StatusCode.Cancelled);
        var changed = !after.AsSpan().SequenceEqual(_export);
        _export = after;
        return mustBeUnchanged && changed ? $"the write was rejected ({rejected}) but the store changed" : null;
    }

    public Task<string?> CheckLivenessAsync() => Liveness.CheckAsync(clients);

    private async Task<(StatusCode? Rejected, string? Problem)> SendGrpcAsync(FuzzCase fuzz)
    {
        var headers = new Metadata();
        if (fuzz.Credential.Header is { } authorization) headers.Add("authorization", authorization);
        if (fuzz.ConsistencyToken is { } token) headers.Add(ApiHeaders.ConsistencyToken, token);
        var options = new CallOptions(headers, DateTime.UtcNow + fuzz.Deadline);
        try
        {
            await fuzz.Call.Grpc(clients, options);
            return (null, Credentials.Forced(fuzz.Credential, fuzz.Call) is { } forced ? $"OK where the credential ({fuzz.Credential}) must give {forced}" : null);
        }
        catch (RpcException error)
        {
            return (error.StatusCode, Verdict.Judge(fuzz, error.StatusCode, error.GetRpcStatus()) is { } problem ? $"{problem}: {error.Status.Detail}" : null);
        }
        catch (Exception error)
        {
            return (null, $"the call failed outside gRPC: {error.GetType().Name}: {error.Message}");
        }
    }

    private async Task<(StatusCode? Rejected, string? Problem)> SendJsonAsync(FuzzCase fuzz, JsonRoute route)
    {
        using var request = JsonRequests.Build(route, fuzz.Call.Request, fuzz.Mutation);
        if (request is null) return await SendGrpcAsync(fuzz with { Transport = Transport.Grpc, Mutation = null });
        if (fuzz.Credential.Header is { } authorization) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (fuzz.ConsistencyToken is { } token) request.Headers.Add(ApiHeaders.ConsistencyToken, token);
        using var cancel = new CancellationTokenSource(fuzz.Deadline);
        HttpResponseMessage response;
        string body;
        try
        {
            response = await clients.Http(fuzz.Call.Service).SendAsync(request, cancel.Token);
            body = await response.Content.ReadAsStringAsync(cancel.Token);
        }
        catch (OperationCanceledException) when (fuzz.MayBeCutShort) { return (StatusCode.DeadlineExceeded, null); }
        // Kestrel drops a connection whose request line is over its 8 KiB limit, before any route runs.
        catch (HttpRequestException) when (request.RequestUri!.OriginalString.Length > 8 * 1024) { return (StatusCode.ResourceExhausted, null); }
        catch (Exception error) { return (null, $"the JSON call failed: {error.GetType().Name}: {error.Message}"); }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var forced = Credentials.Forced(fuzz.Credential, fuzz.Call);
                return (null, forced is not null ? $"HTTP {status} where the credential ({fuzz.Credential}) must give {forced}" : IsJson(body) ? null : $"HTTP {status} with a body that is not JSON");
            }
            // The URL matched no route (a path value with an encoded '/'): ASP.NET Core's plain 404; no RPC ran.
            if (response.StatusCode == HttpStatusCode.NotFound && body.Length == 0) return (StatusCode.NotFound, null);
            // Kestrel refuses a request target holding a NUL (%00) with a bare 400, before any route runs.
            if (response.StatusCode == HttpStatusCode.BadRequest && body.Length == 0 && request.RequestUri!.OriginalString.Contains("%00", StringComparison.Ordinal))
                return (StatusCode.InvalidArgument, null);
            // Kestrel refuses a request line or headers over its limits before any route runs.
            if (response.StatusCode is HttpStatusCode.RequestUriTooLong or HttpStatusCode.RequestHeaderFieldsTooLarge) return (StatusCode.ResourceExhausted, null);

            Google.Rpc.Status rpc;
            try { rpc = StatusParser.Parse<Google.Rpc.Status>(body); }
            catch (Exception error) when (error is InvalidProtocolBufferException or InvalidJsonException or JsonException)
            {
                return (null, $"HTTP {status} whose body is not a google.rpc.Status: {Shorten(body)}");
            }
            var code = (StatusCode)rpc.Code;
            if (Verdict.HttpStatusOf(code) != status) return (code, $"HTTP {status} carrying {code}, which maps to HTTP {Verdict.HttpStatusOf(code)}");
            return (code, Verdict.Judge(fuzz, code, rpc) is { } problem ? $"HTTP {status}: {problem}: {Shorten(rpc.Message)}" : null);
        }
    }

    private static bool IsJson(string body)
    {
        try { using var _ = JsonDocument.Parse(body); return true; }
        catch (JsonException) { return false; }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
