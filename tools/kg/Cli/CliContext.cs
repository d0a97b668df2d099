using System.CommandLine;
using Grpc.Core;
using KnowledgeGraph.Protocol;
using Spectre.Console;

namespace KnowledgeGraph.Cli;

/// <summary>What a command's action works with: the parsed global options, the clients and the output.</summary>
public sealed class CliContext : IDisposable
{
    private readonly int _timeoutSeconds;

    public CliContext(ParseResult parse, GlobalOptions options, KgHost host)
    {
        Host = host;
        Json = parse.GetValue(options.Json);
        ConsistencyToken = parse.GetValue(options.ConsistencyToken);
        _timeoutSeconds = parse.GetValue(options.Timeout);
        if (_timeoutSeconds <= 0) throw new UsageException("--timeout: must be a positive number of seconds");
        var endpoints = Endpoints.Resolve(parse.GetValue(options.EntitiesUrl), parse.GetValue(options.RelationshipsUrl), parse.GetValue(options.QueriesUrl), host.GetEnvironmentVariable);
        var token = BearerToken.Resolve(parse.GetValue(options.Token), host.GetEnvironmentVariable);
        Clients = new ServiceClients(endpoints, token, host.HttpHandlerFactory);
        Console = ConsoleFactory.Create(host.Out, host.OutputIsTerminal);
    }

    public KgHost Host { get; }
    public bool Json { get; }
    public string? ConsistencyToken { get; }
    public ServiceClients Clients { get; }
    public IAnsiConsole Console { get; }
    public TextWriter Out => Host.Out;
    public TextWriter Error => Host.Error;

    public TimeSpan Timeout => TimeSpan.FromSeconds(_timeoutSeconds);

    /// <summary>Call options for a read: the deadline and, when known, the consistency token to wait for.</summary>
    public CallOptions Read(CancellationToken cancellation, string? token = null)
    {
        var headers = new Metadata();
        var wanted = token ?? ConsistencyToken;
        if (!string.IsNullOrEmpty(wanted)) headers.Add(ApiHeaders.ConsistencyToken, wanted);
        return new CallOptions(headers, DateTime.UtcNow.Add(Timeout), cancellation);
    }

    public void Dispose() => Clients.Dispose();
}
