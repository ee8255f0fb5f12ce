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

/// <summary>Samples the managed heap every few milliseconds and keeps the highest value.</summary>
public sealed class HeapSampler : IDisposable
{
    private readonly Thread _thread;
    private readonly Func<long> _subtract;
    private volatile bool _stop;

    public HeapSampler(Func<long>? subtract = null)
    {
        _subtract = subtract ?? (() => 0);
        _thread = new Thread(Run) { IsBackground = true, Name = "heap sampler" };
        _thread.Start();
    }

    public long Peak { get; private set; }
    public long PeakAdjusted { get; private set; }

    private void Run()
    {
        while (!_stop)
        {
            Sample();
            Thread.Sleep(10);
        }
    }

    private void Sample()
    {
        long heap = GC.GetTotalMemory(false);
        if (heap > Peak) Peak = heap;
        long adjusted = heap - _subtract();
        if (adjusted > PeakAdjusted) PeakAdjusted = adjusted;
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
        Sample();
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
