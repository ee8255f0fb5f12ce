using System.Diagnostics;

namespace SendPilot.Bench;

/// <summary>CPU time of the calling thread (Linux /proc/thread-self/stat), or null where unavailable.</summary>
public static class ThreadCpu
{
    public static TimeSpan? Current()
    {
        try
        {
            string stat = File.ReadAllText("/proc/thread-self/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long ticks = long.Parse(fields[11]) + long.Parse(fields[12]); // utime + stime, after pid and comm
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (Exception)
        {
            return null;
        }
    }
}

public static class Heap
{
    /// <summary>Live managed memory after a full, compacting collection.</summary>
    public static long Live()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(true);
    }

    public static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:0.0} MB";
}

public static class ProcessCpu
{
    public static TimeSpan Now() => Process.GetCurrentProcess().TotalProcessorTime;
}
