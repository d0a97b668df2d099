using System.Diagnostics;

namespace KnowledgeGraph.ImportBench;

/// <summary>A service host run as its own process (a built <c>.dll</c> under <c>dotnet</c>), stopped on dispose.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, int grpcPort)
    {
        _process = process;
        GrpcUrl = $"http://localhost:{grpcPort}";
    }

    public string GrpcUrl { get; }

    public int ProcessId => _process.Id;

    public static async Task<ServiceProcess> StartAsync(string dll, int grpcPort, int httpPort, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [dll]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["GRPC_PORT"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["HTTP_PORT"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {dll}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine($"[{Path.GetFileNameWithoutExtension(dll)}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(process, grpcPort);
        await service.WaitHealthyAsync(httpPort, dll);
        return service;
    }

    private async Task WaitHealthyAsync(int httpPort, string dll)
    {
        using var http = new HttpClient();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited) throw new InvalidOperationException($"{dll} exited with {_process.ExitCode}");
            try
            {
                if ((await http.GetAsync($"http://localhost:{httpPort}/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{dll} was not healthy within 60 s");
    }

    /// <summary>The process's peak resident memory so far (VmHWM), in MB; 0 where /proc is not there.</summary>
    public long PeakMegabytes()
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status)) return 0;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
