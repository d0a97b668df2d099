using System.Diagnostics;
using Grpc.Net.Client;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.Grpc.Hosting;

namespace KnowledgeGraph.ProcessTests;

/// <summary>
/// One service as its own operating-system process (<c>dotnet Entities.Api.dll</c>, as deployed), on
/// fresh ports over the given data directory, trusting <see cref="TestTokens"/>. <see cref="Kill"/>
/// sends SIGKILL: no shutdown code runs, as when the machine loses power or the OOM killer strikes.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringWriter _output = new();

    private ServiceProcess(Process process, Uri grpc, Uri http)
    {
        _process = process;
        Grpc = grpc;
        Http = http;
        Channel = TestChannels.Create(grpc, TestTokens.All);
    }

    public Uri Grpc { get; }
    public Uri Http { get; }
    public GrpcChannel Channel { get; }

    /// <summary>Starts <paramref name="assembly"/> (for example <c>Entities.Api</c>, copied beside the tests) and waits until <c>/health</c> answers 200.</summary>
    public static async Task<ServiceProcess> StartAsync(string assembly, string dataPath)
    {
        var (grpcPort, httpPort) = (TestChannels.FreePort(), TestChannels.FreePort());
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, assembly + ".dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment[ServiceHostExtensions.GrpcPortKey] = grpcPort.ToString();
        start.Environment[ServiceHostExtensions.HttpPortKey] = httpPort.ToString();
        start.Environment[StoreConfiguration.DataPathKey.Replace(":", "__")] = dataPath;
        foreach (var (key, value) in TestTokens.ServiceSettings) start.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {assembly}.");
        var service = new ServiceProcess(process, new Uri($"http://127.0.0.1:{grpcPort}"), new Uri($"http://127.0.0.1:{httpPort}"));
        process.OutputDataReceived += (_, e) => service.Record(e.Data);
        process.ErrorDataReceived += (_, e) => service.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service.WaitUntilHealthyAsync(assembly);
        return service;
    }

    /// <summary>SIGKILL, then wait until the process is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    private void Record(string? line)
    {
        if (line is not null) lock (_output) _output.WriteLine(line);
    }

    private async Task WaitUntilHealthyAsync(string assembly)
    {
        using var http = new HttpClient { BaseAddress = Http, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) break;
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* not answering yet */ }
            await Task.Delay(100);
        }
        await KillAsync();
        throw new InvalidOperationException($"{assembly} did not become healthy:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await KillAsync();
        _process.Dispose();
    }
}
