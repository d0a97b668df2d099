using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using KnowledgeGraph.Grpc.Hosting;

namespace KnowledgeGraph.Bench.Services;

/// <summary>
/// One service as a real process (<c>dotnet Service.dll</c>) on loopback ports: gRPC over h2c and
/// HTTP/1.1 for /health, over the given data directory, trusting <see cref="BenchTokens"/>. Its
/// output goes to <c>{name}.log</c> in the run directory.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    public string Name { get; }
    public Uri GrpcAddress { get; }
    public Uri HttpAddress { get; }
    public int Id => _process.Id;

    private ServiceProcess(string name, Process process, StreamWriter log, Uri grpc, Uri http)
    {
        Name = name;
        _process = process;
        _log = log;
        GrpcAddress = grpc;
        HttpAddress = http;
    }

    public static ServiceProcess Start(ProgramBuild program, string dataPath, BenchTokens tokens, string logDirectory)
    {
        var grpcPort = FreePort();
        var httpPort = FreePort();
        var start = new ProcessStartInfo("dotnet", [program.Path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = logDirectory,
        };
        start.Environment[ServiceHostExtensions.GrpcPortKey] = grpcPort.ToString();
        start.Environment[ServiceHostExtensions.HttpPortKey] = httpPort.ToString();
        start.Environment[StoreConfiguration.DataPathKey.Replace(":", "__")] = dataPath;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in tokens.ServiceEnvironment) start.Environment[key] = value;

        var log = new StreamWriter(Path.Combine(logDirectory, program.Name + ".log")) { AutoFlush = true };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) lock (log) log.WriteLine(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) lock (log) log.WriteLine(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(program.Name, process, log, new Uri($"http://localhost:{grpcPort}"), new Uri($"http://localhost:{httpPort}"));
    }

    /// <summary>Polls /health until every check passes; returns the last health body (its checks' data, such as the projection's load time).</summary>
    public async Task<JsonElement> WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = HttpAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        string? last = null;
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}; see {Name}.log");
            try
            {
                using var response = await http.GetAsync("/health");
                last = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK) return JsonDocument.Parse(last).RootElement.Clone();
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* busy loading */ }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{Name} was not healthy within {timeout}: {last}");
    }

    /// <summary>Resident set size now and its peak (VmRSS, VmHWM from /proc), in bytes.</summary>
    public (long Current, long Peak) Memory()
    {
        long Read(string field) =>
            File.ReadLines($"/proc/{Id}/status").Where(l => l.StartsWith(field + ":", StringComparison.Ordinal))
                .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024).FirstOrDefault();
        return (Read("VmRSS"), Read("VmHWM"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
