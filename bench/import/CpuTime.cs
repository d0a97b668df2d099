using System.Runtime.InteropServices;

namespace KnowledgeGraph.ImportBench;

/// <summary>
/// CPU time, which a loaded machine distorts far less than wall time: of a running process (from
/// /proc), and of this process's finished children (getrusage). Linux only; zero elsewhere.
/// </summary>
public static class CpuTime
{
    private const int RusageChildren = -1;

    /// <summary>User plus system time of a live process.</summary>
    public static TimeSpan OfProcess(int processId)
    {
        var stat = $"/proc/{processId}/stat";
        if (!File.Exists(stat)) return TimeSpan.Zero;
        // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }

    /// <summary>User plus system time of the children this process has waited for.</summary>
    public static TimeSpan OfFinishedChildren()
    {
        // struct rusage: ru_utime and ru_stime (two timevals of seconds and microseconds), then 14 longs.
        var usage = new long[18];
        if (!OperatingSystem.IsLinux() || GetRusage(RusageChildren, usage) != 0) return TimeSpan.Zero;
        return TimeSpan.FromSeconds(usage[0] + usage[1] / 1e6 + usage[2] + usage[3] / 1e6);
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, [Out] long[] usage);
}
