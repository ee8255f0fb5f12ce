using System.Diagnostics;

namespace SendPilot.Bench.Cold;

/// <summary>
/// Loaded into a benchmark's pwsh with Add-Type -Path: the peak live managed heap (after a forced full collection every
/// 250 ms) over a stretch of script, minus the live heap when it started. What the pipeline really holds, garbage excluded.
/// </summary>
public static class LiveHeapSampler
{
    private static Thread? _thread;
    private static volatile bool _stop;
    private static long _baseline, _peak;

    public static void Start()
    {
        _baseline = GC.GetTotalMemory(forceFullCollection: true);
        _peak = _baseline;
        _stop = false;
        _thread = new Thread(() =>
        {
            var clock = Stopwatch.StartNew();
            while (!_stop)
            {
                Thread.Sleep(25);
                if (clock.ElapsedMilliseconds < 250) continue;
                _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: true));
                clock.Restart();
            }
        }) { IsBackground = true };
        _thread.Start();
    }

    /// <summary>Peak live bytes above the baseline.</summary>
    public static long Stop()
    {
        _stop = true;
        _thread?.Join();
        _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: true));
        return _peak - _baseline;
    }
}
