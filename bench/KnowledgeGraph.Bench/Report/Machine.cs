using System.Runtime.InteropServices;

namespace KnowledgeGraph.Bench.Report;

/// <summary>What the run ran on: cores, memory, OS, runtime, and the load average when it started (the machine is shared).</summary>
public sealed record Machine(int Cores, long MemoryBytes, string System, string Runtime, string LoadAverage)
{
    public static Machine Current() => new(
        Environment.ProcessorCount,
        ReadMemInfo("MemTotal"),
        $"{OsName()} (kernel {Environment.OSVersion.Version})",
        RuntimeInformation.FrameworkDescription,
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a");

    private static long ReadMemInfo(string field) =>
        File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").Where(l => l.StartsWith(field + ":", StringComparison.Ordinal))
                .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024).FirstOrDefault()
            : 0;

    private static string OsName() =>
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").Where(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal)).Select(l => l["PRETTY_NAME=".Length..].Trim('"')).FirstOrDefault() ?? RuntimeInformation.OSDescription
            : RuntimeInformation.OSDescription;
}
