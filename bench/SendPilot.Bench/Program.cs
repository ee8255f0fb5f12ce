using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using SendPilot.Bench;
using SendPilot.Sandbox;

// Leads, outreach and webhooks benchmark: the sandbox in-process, the module in a real PowerShell engine in-process.
// dotnet run -c Release --project bench/SendPilot.Bench [-- --quick] [--scenario N]
// Cold, in real pwsh processes: dotnet run -c Release --project bench/SendPilot.Bench -- --cold (see Cold/ColdBench.cs)
if (args.Contains("--serve"))
{
    // The cold benchmark's lean server on its own, for profiling a script by hand: --serve [latency ms]
    await using var lean = await SendPilot.Bench.Cold.LeanServer.StartAsync();
    lean.LatencyMs = args.Length > 1 ? int.Parse(args[^1]) : 0;
    lean.ListTotal = 50_000;
    Console.WriteLine($"lean server on {lean.BaseUri} ({lean.LatencyMs} ms); Ctrl+C to stop");
    await Task.Delay(Timeout.Infinite);
}
if (args.Contains("--cold"))
{
    string coldManifest = FindManifest();
    return await SendPilot.Bench.Cold.ColdBench.RunAsync(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(coldManifest)))!, coldManifest, args);
}
bool quick = args.Contains("--quick");
int scenarioArg = Array.IndexOf(args, "--scenario");
int? only = scenarioArg >= 0 && scenarioArg + 1 < args.Length ? int.Parse(args[scenarioArg + 1]) : null;
bool Runs(params int[] scenarios) => only == null || scenarios.Contains(only.Value);
int scale = quick ? 10 : 1;
int uploadRows = 100_000 / scale, bigRows = 1_000_000 / scale, listLeads = 50_000 / scale;
int messages = 1_000 / scale, webhookPosts = 5_000 / scale;
const int LatencyMs = 50, ThrottleLimit = 4, BatchSize = 100, WebhookSenders = 16;

string manifest = FindManifest();
Console.WriteLine($"SendPilot benchmark (leads, outreach, webhooks) — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(quick ? "QUICK (sizes / 10)" : "full sizes")}");
Console.WriteLine($"module: {manifest}");
Console.WriteLine("Memory is measured separately for the module. The sandbox runs in this process with RetainLeadDetails=false, which");
Console.WriteLine("still keeps each campaign's URL set (~120 bytes a URL). 'module' = peak live managed heap (a forced full GC every");
Console.WriteLine("500 ms) minus the pre-run baseline minus that URL set (measured after the run, pro-rated by the URLs stored at each");
Console.WriteLine("sample). 'process' = peak managed heap sampled every 10 ms without forcing a GC, garbage and sandbox included.");
Console.WriteLine();

var results = new List<string[]>();
if (Runs(1, 2, 3))
{
    var uploadSandbox = await SandboxServer.StartAsync(new SandboxOptions { RetainLeadDetails = false, RequestLogCapacity = 8 });
    using var session = new Session(manifest, uploadSandbox);

    // Warm-up: JIT, HTTP connections, module load.
    session.Upload(50_000 / scale, "warm");
    uploadSandbox.Reset();

    // 1. No latency: throughput, module CPU per row, peak memory.
    var baseline = session.Baseline(uploadRows, "base");
    var s1 = session.Upload(uploadRows, "s1");
    double moduleUs = (s1.PipelineCpu - baseline).TotalMilliseconds * 1000 / uploadRows;
    Console.WriteLine($"[1] {uploadRows:N0} rows in {s1.Wall.TotalSeconds:0.00} s; pipeline-thread CPU {s1.PipelineCpu.TotalSeconds:0.00} s (creating the rows alone: {baseline.TotalSeconds:0.00} s); process CPU {s1.ProcessCpu.TotalSeconds:0.00} s; {s1.Summary}");
    results.Add(new[] { "1", $"{uploadRows:N0} CSV-shaped rows (10 columns), no latency",
        $"{uploadRows / s1.Wall.TotalSeconds:N0} rows/s; {moduleUs:0.0} µs/row in Add-SpLead incl. PowerShell's binding (pipeline-thread CPU minus row creation); {s1.ProcessCpu.TotalMilliseconds * 1000 / uploadRows:0.0} µs/row CPU whole process incl. sandbox; peak {Heap.Mb(s1.ModulePeak)} module / {Heap.Mb(s1.ProcessPeak)} process",
        "(reference for 3)", "" });
    uploadSandbox.Reset();

    // 2. 50 ms per request: wall time against the ideal.
    uploadSandbox.InjectFault(new FaultRule { Method = "POST", Path = "/leads", DelayMs = LatencyMs, Count = 0 });
    var s2 = session.Upload(uploadRows, "s2");
    double ideal = Math.Ceiling(uploadRows / (double)BatchSize) * LatencyMs / 1000.0 / ThrottleLimit;
    double ratio2 = s2.Wall.TotalSeconds / ideal;
    Console.WriteLine($"[2] {uploadRows:N0} rows with {LatencyMs} ms/request in {s2.Wall.TotalSeconds:0.00} s (ideal {ideal:0.00} s); {s2.Summary}");
    results.Add(new[] { "2", $"{uploadRows:N0} rows, {LatencyMs} ms per request, ThrottleLimit {ThrottleLimit}",
        $"{s2.Wall.TotalSeconds:0.00} s vs ideal ceil(N/100)×{LatencyMs} ms/{ThrottleLimit} = {ideal:0.00} s → ratio {ratio2:0.000}",
        "ratio ≤ 1.15", ratio2 <= 1.15 ? "PASS" : "FAIL" });
    uploadSandbox.Reset();

    // 3. A million rows: memory stays flat.
    var s3 = session.Upload(bigRows, "s3");
    long growth = s3.ModulePeak - s1.ModulePeak;
    Console.WriteLine($"[3] {bigRows:N0} rows in {s3.Wall.TotalSeconds:0.0} s ({bigRows / s3.Wall.TotalSeconds:N0} rows/s); sandbox URL set at the end {Heap.Mb(s3.SandboxRetained)}; {s3.Summary}");
    results.Add(new[] { "3", $"{bigRows:N0} rows, no latency",
        $"peak {Heap.Mb(s3.ModulePeak)} module ({(growth >= 0 ? "+" : "")}{Heap.Mb(growth)} vs 1) / {Heap.Mb(s3.ProcessPeak)} process; {s3.Wall.TotalSeconds:0.0} s",
        "within 64 MB of 1", Math.Abs(growth) <= 64L * 1024 * 1024 ? "PASS" : "FAIL" });
    uploadSandbox.Reset();
    await uploadSandbox.DisposeAsync();

}

// 4. Get-SpLead over 50,000 leads with 50 ms per page: concurrent pages against sequential paging.
if (Runs(4))
{
    var listSandbox = await SandboxServer.StartAsync(new SandboxOptions { RequestLogCapacity = 8 });
    using (var http = new HttpClient())
        (await http.PostAsJsonAsync(new Uri(listSandbox.RootUri, "_admin/seed/leads"), new { campaignId = "camp_sbx_10", count = listLeads })).EnsureSuccessStatusCode();
    listSandbox.InjectFault(new FaultRule { Method = "GET", Path = "/leads", DelayMs = LatencyMs, Count = 0 });
    using (var listSession = new Session(manifest, listSandbox))
    {
        var sequential = listSession.List("camp_sbx_10", 1, listLeads);
        var concurrent = listSession.List("camp_sbx_10", ThrottleLimit, listLeads);
        double ratio4 = concurrent.TotalSeconds / sequential.TotalSeconds;
        Console.WriteLine($"[4] {listLeads:N0} leads ({listLeads / 100} pages): sequential {sequential.TotalSeconds:0.00} s, ThrottleLimit {ThrottleLimit} {concurrent.TotalSeconds:0.00} s");
        results.Add(new[] { "4", $"Get-SpLead over {listLeads:N0} leads, {LatencyMs} ms per page",
            $"{concurrent.TotalSeconds:0.00} s vs sequential (-ThrottleLimit 1) {sequential.TotalSeconds:0.00} s → {ratio4:0.00}",
            "≤ 0.35 of sequential", ratio4 <= 0.35 ? "PASS" : "FAIL" });
}
await listSandbox.DisposeAsync();

}

// 5. Send-SpMessage over piped rows, senders chosen automatically: module CPU per message, one POST per message.
// The seeded daily limits (sender_ann 100, sender_ben 2) would end the run after 102 messages: raised for both.
if (Runs(5, 6))
{
    var outreachSandbox = await SandboxServer.StartAsync(new SandboxOptions { RequestLogCapacity = 8, DailyMessageLimit = 1_000_000 });
    using (var outreach = new Session(manifest, outreachSandbox))
    {
        outreach.Send(messages, "warm5"); // warm-up: JIT, sender lookups, connections
        outreachSandbox.Reset();
        var sendBaseline = outreach.Cpu($"$src.CountRecipients({messages}, 'base5')");
        var s5 = outreach.Send(messages, "s5");
        double sendUs = (s5.PipelineCpu - sendBaseline).TotalMilliseconds * 1000 / messages;
        Console.WriteLine($"[5] {messages:N0} messages in {s5.Wall.TotalSeconds:0.00} s; pipeline-thread CPU {s5.PipelineCpu.TotalSeconds:0.00} s (creating the rows alone: {sendBaseline.TotalSeconds:0.00} s); {s5.Summary}");
        results.Add(new[] { "5", $"Send-SpMessage over {messages:N0} piped rows, template, automatic sender choice, no latency",
            $"{messages / s5.Wall.TotalSeconds:N0} messages/s; {sendUs:0} µs/message in Send-SpMessage incl. binding, template and waiting for each answer (pipeline-thread CPU minus row creation); {s5.Summary}",
            "(reference)", "" });

        // 5b. What the send log (an intent flushed to disk before each POST, an outcome after) costs: the same run with and
        // without it (Connect-SpAccount -NoLedger), alternating three times so that a busy machine weighs on both alike.
        var withLog = new List<SendRun>();
        var withoutLog = new List<SendRun>();
        for (int round = 1; round <= 3; round++)
        {
            outreach.Connect("");
            outreachSandbox.Reset();
            withLog.Add(outreach.Send(messages, $"s5l{round}"));
            outreach.Connect("-NoLedger");
            outreachSandbox.Reset();
            withoutLog.Add(outreach.Send(messages, $"s5n{round}"));
        }
        outreach.Connect("");
        double Median(IEnumerable<double> values) { var v = values.OrderBy(x => x).ToList(); return v[v.Count / 2]; }
        double ledgerUs = Median(withLog.Zip(withoutLog, (a, b) => (a.Wall - b.Wall).TotalMilliseconds * 1000 / messages));
        double ledgerCpuUs = Median(withLog.Zip(withoutLog, (a, b) => (a.PipelineCpu - b.PipelineCpu).TotalMilliseconds * 1000 / messages));
        string walls = string.Join(", ", withLog.Zip(withoutLog, (a, b) => $"{a.Wall.TotalSeconds:0.00} s vs {b.Wall.TotalSeconds:0.00} s"));
        Console.WriteLine($"[5b] {messages:N0} messages with vs without the send log, 3 rounds: {walls}; median +{ledgerUs:0} µs/message wall, +{ledgerCpuUs:0} µs/message pipeline-thread CPU");
        results.Add(new[] { "5b", $"The send log in scenario 5 ({messages:N0} messages with it vs Connect-SpAccount -NoLedger, 3 alternating rounds)",
            $"median +{ledgerUs:0} µs/message wall ({walls}), +{ledgerCpuUs:0} µs/message pipeline-thread CPU",
            "< 1,000 µs/message", ledgerUs < 1000 ? "PASS" : "FAIL" });

        if (Runs(6))
        {
            // 6. Receive-SpWebhookEvent -Secret under signed POSTs from parallel senders.
            outreach.Receive(new WebhookLoad(webhookPosts / 10), WebhookSenders); // warm-up: JIT, listener, connections
            var load = new WebhookLoad(webhookPosts);
            var s6 = outreach.Receive(load, WebhookSenders);
            var r6 = s6.Load;
            double postSeconds = (r6.LastAnswer - r6.FirstRequest).TotalSeconds;
            double drainMs = (s6.LastEvent - r6.LastAnswer).TotalMilliseconds;
            string events = $"{s6.Emitted:N0} events emitted = {load.ValidEventIds.Count:N0} distinct valid sent ({load.Redeliveries} redeliveries answered 200 and not emitted, {load.Forged} wrong signatures answered 401)";
            Console.WriteLine($"[6] {load.Count:N0} POSTs from {WebhookSenders} senders in {postSeconds:0.00} s; answers p50 {r6.Percentile(0.50):0.00} ms, p99 {r6.Percentile(0.99):0.00} ms, max {r6.SortedLatenciesMs[^1]:0.00} ms; " +
                $"last event reached the pipeline {drainMs:+0.0;-0.0} ms after the last answer; per event, answer → pipeline p50 {WebhookLoadResult.Percentile(s6.LagMs, 0.50):+0.00;-0.00} ms, " +
                $"p99 {WebhookLoadResult.Percentile(s6.LagMs, 0.99):+0.00;-0.00} ms, max {s6.LagMs[^1]:+0.00;-0.00} ms; pipeline-thread CPU {s6.PipelineCpu.TotalSeconds:0.00} s; {events}");
            results.Add(new[] { "6", $"Receive-SpWebhookEvent -Secret, {load.Count:N0} Svix-signed POSTs from {WebhookSenders} parallel senders",
                $"{load.Count / postSeconds:N0} requests/s; answer p50 {r6.Percentile(0.50):0.00} ms, p99 {r6.Percentile(0.99):0.00} ms; last event in the pipeline {drainMs:+0.0;-0.0} ms after the last answer (per event p99 {WebhookLoadResult.Percentile(s6.LagMs, 0.99):+0.00;-0.00} ms); {events}",
                "(reference)", "" });
        }
}
await outreachSandbox.DisposeAsync();

}

Console.WriteLine();
Console.WriteLine("| # | Scenario | Result | Target | |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var row in results) Console.WriteLine("| " + string.Join(" | ", row) + " |");
if (quick) Console.WriteLine("Quick mode: fixed start-up costs weigh ten times more here; the targets are set for the full sizes.");
return 0;

static string FindManifest()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "SendPilot.PowerShell.sln")))
            return Path.Combine(dir.FullName, "out", "SendPilot", "SendPilot.psd1");
    throw new InvalidOperationException("SendPilot.PowerShell.sln not found above " + AppContext.BaseDirectory);
}

/// <summary>One runspace on the calling thread (so its CPU time can be read), connected to a sandbox.</summary>
sealed class Session : IDisposable
{
    private readonly Runspace _runspace;
    private readonly SandboxServer _sandbox;

    // The sandbox has the same workspace every run: a send log of its own, or a second run would skip every message.
    private readonly string _ledger = Path.Combine(Path.GetTempPath(), "sendpilot-bench-" + Guid.NewGuid().ToString("N"));

    public Session(string manifest, SandboxServer sandbox)
    {
        _sandbox = sandbox;
        _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _runspace.ThreadOptions = PSThreadOptions.UseCurrentThread;
        _runspace.Open();
        _runspace.SessionStateProxy.SetVariable("src", new RowSource());
        _runspace.SessionStateProxy.SetVariable("key", sandbox.ApiKey);
        Invoke($"Import-Module '{manifest}' -ErrorAction Stop");
        Connect("");
    }

    /// <summary>Connects again with extra Connect-SpAccount arguments (e.g. -NoLedger); none: this session's own send log.</summary>
    public void Connect(string arguments) =>
        Invoke($"Connect-SpAccount -ApiKey $key -BaseUri '{_sandbox.BaseUri}' " + (arguments.Length > 0 ? arguments : $"-LedgerPath '{_ledger}'"));

    public Collection<PSObject> Invoke(string script)
    {
        using var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script);
        var output = shell.Invoke();
        if (shell.HadErrors)
            throw new InvalidOperationException($"{script}: {string.Join(" | ", shell.Streams.Error.Take(3))}");
        return output;
    }

    /// <summary>CPU to create the same rows (enumerated without any pipeline): subtracted from the upload's pipeline-thread CPU.</summary>
    public TimeSpan Baseline(int rows, string prefix) => Cpu($"$src.Count({rows}, '{prefix}')");

    /// <summary>Pipeline-thread CPU of a script, e.g. one that only creates rows.</summary>
    public TimeSpan Cpu(string script)
    {
        Heap.Live();
        var before = ThreadCpu.Current();
        Invoke(script);
        return ThreadCpu.Current() - before ?? TimeSpan.Zero;
    }

    public UploadRun Upload(int rows, string prefix)
    {
        long baseline = Heap.Live();
        // Two samplers: the heap as it is every 10 ms (process peak, garbage included), and the live heap after a
        // forced full collection every 500 ms (what the module really holds, garbage excluded).
        var samples = new List<long>();
        var live = new List<(long Live, int Urls)>();
        var stop = false;
        var sampler = new Thread(() =>
        {
            var lastLive = Stopwatch.StartNew();
            while (!Volatile.Read(ref stop))
            {
                samples.Add(GC.GetTotalMemory(false));
                if (lastLive.ElapsedMilliseconds >= 500)
                {
                    int urls = _sandbox.State.Leads.Count("camp_xyz789");
                    live.Add((GC.GetTotalMemory(true), urls));
                    lastLive.Restart();
                }
                Thread.Sleep(10);
            }
        }) { IsBackground = true };
        var cpuBefore = ThreadCpu.Current();
        var processBefore = ProcessCpu.Now();
        var clock = Stopwatch.StartNew();
        sampler.Start();
        var output = Invoke($"$src.Rows({rows}, '{prefix}') | Add-SpLead -CampaignId camp_xyz789 -BatchSize 100 -ThrottleLimit 4");
        clock.Stop();
        Volatile.Write(ref stop, true);
        sampler.Join();
        var pipelineCpu = ThreadCpu.Current() - cpuBefore ?? clock.Elapsed;
        var processCpu = ProcessCpu.Now() - processBefore;

        // What is still alive now is the sandbox's URL set (the module has let go of everything).
        int stored = _sandbox.State.Leads.Count("camp_xyz789");
        long retained = Math.Max(0, Heap.Live() - baseline);
        double perUrl = stored > 0 ? retained / (double)stored : 0;
        long processPeak = samples.Max() - baseline;
        long modulePeak = live.Count == 0 ? 0 : live.Max(s => s.Live - (long)(s.Urls * perUrl)) - baseline;
        var summary = output.Single();
        string text = $"Submitted {summary.Properties["Submitted"].Value}, Added {summary.Properties["Added"].Value}, Duplicates {summary.Properties["DuplicatesSkipped"].Value}, Invalid {summary.Properties["Invalid"].Value}, Failed {summary.Properties["Failed"].Value}, Batches {summary.Properties["Batches"].Value}";
        if (!Equals(summary.Properties["Added"].Value, (long)rows)) throw new InvalidOperationException("Not every row was added: " + text);
        return new UploadRun(clock.Elapsed, pipelineCpu, processCpu, processPeak, modulePeak, retained, text);
    }

    public TimeSpan List(string campaignId, int throttleLimit, int expected)
    {
        Heap.Live();
        var clock = Stopwatch.StartNew();
        var output = Invoke($"Get-SpLead -CampaignId {campaignId} -ThrottleLimit {throttleLimit}");
        clock.Stop();
        if (output.Count != expected) throw new InvalidOperationException($"Get-SpLead returned {output.Count} leads, expected {expected}");
        return clock.Elapsed;
    }

    /// <summary>Send-SpMessage over contact rows without -SenderId; every row must give a receipt from exactly one POST.</summary>
    public SendRun Send(int rows, string prefix)
    {
        Heap.Live();
        _sandbox.ClearRequests();
        var cpuBefore = ThreadCpu.Current();
        var clock = Stopwatch.StartNew();
        var output = Invoke($"$src.Recipients({rows}, '{prefix}') | Send-SpMessage -Message 'Hi {{{{firstName}}}}, {{{{icebreaker}}}}'");
        clock.Stop();
        var pipelineCpu = ThreadCpu.Current() - cpuBefore ?? clock.Elapsed;

        int receipts = output.Count(o => o.Properties["MessageId"]?.Value is string { Length: > 0 });
        int posts = _sandbox.CountRequests("POST", "/inbox/send*");
        int reads = _sandbox.CountRequests("GET", "*");
        int ann = _sandbox.State.Senders.UsageOf("sender_ann").MessagesUsed, ben = _sandbox.State.Senders.UsageOf("sender_ben").MessagesUsed;
        string text = $"{receipts:N0} receipts from {posts:N0} POST /inbox/send (+{reads} GET for the sender choice); sent by sender_ann {ann:N0}, sender_ben {ben:N0}";
        if (receipts != rows || posts != rows || output.Count != rows)
            throw new InvalidOperationException($"Expected {rows} receipts from {rows} POSTs, one each: {output.Count} objects, {text}");
        return new SendRun(clock.Elapsed, pipelineCpu, text);
    }

    /// <summary>
    /// Receive-SpWebhookEvent -Secret on this thread while <paramref name="senders"/> parallel senders post <paramref name="load"/>.
    /// Once every POST is answered and the expected events have reached the pipeline (plus a short grace for any extra), the
    /// command is stopped as Ctrl+C would; the emitted events must be exactly the distinct valid ones.
    /// </summary>
    public WebhookRun Receive(WebhookLoad load, int senders)
    {
        Heap.Live();
        int port = FreePort();
        _runspace.SessionStateProxy.SetVariable("webhookSecret", load.Secret);
        var clock = Stopwatch.StartNew();
        var output = new PSDataCollection<PSObject>();
        // DataAdded runs on the pipeline thread as each event is written: when it reached the pipeline.
        var arrivals = new List<long>();
        int emitted = 0;
        output.DataAdded += (_, _) => { arrivals.Add(clock.ElapsedTicks); Interlocked.Increment(ref emitted); };
        using var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript($"Receive-SpWebhookEvent -Port {port} -Secret $webhookSecret -TimeoutSec 120");
        var posting = Task.Run(async () =>
        {
            try
            {
                var result = await load.PostAsync(port, senders, clock);
                var drained = Stopwatch.StartNew();
                while (Volatile.Read(ref emitted) < load.ValidEventIds.Count && drained.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(2);
                await Task.Delay(300);
                return result;
            }
            finally
            {
                shell.BeginStop(null, null);
            }
        });
        var cpuBefore = ThreadCpu.Current();
        try
        {
            shell.Invoke(null, output);
        }
        catch (PipelineStoppedException)
        {
        }
        var pipelineCpu = ThreadCpu.Current() - cpuBefore ?? clock.Elapsed;
        var load6 = posting.GetAwaiter().GetResult();
        if (shell.Streams.Error.Count > 0)
            throw new InvalidOperationException("Receive-SpWebhookEvent: " + string.Join(" | ", shell.Streams.Error.Take(3)));

        var ids = output.Select(o => (string)o.Properties["EventId"].Value).ToList();
        if (ids.Count != load.ValidEventIds.Count || !load.ValidEventIds.SetEquals(ids))
            throw new InvalidOperationException($"Receive-SpWebhookEvent emitted {ids.Count} events ({ids.Distinct().Count()} distinct), expected the {load.ValidEventIds.Count} distinct valid ones");
        var reached = arrivals.Select(t => TimeSpan.FromSeconds(t / (double)Stopwatch.Frequency)).ToList();
        double[] lagMs = ids.Select((id, i) => (reached[i] - load6.AnsweredAt[id]).TotalMilliseconds).Order().ToArray();
        return new WebhookRun(load6, reached.Max(), ids.Count, pipelineCpu, lagMs);
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _runspace.Dispose();
        if (Directory.Exists(_ledger)) Directory.Delete(_ledger, recursive: true);
    }
}

sealed record SendRun(TimeSpan Wall, TimeSpan PipelineCpu, string Summary);

/// <summary>LagMs: per event, sorted, from its first answer to reaching the pipeline (negative: queued before the answer was read).</summary>
sealed record WebhookRun(WebhookLoadResult Load, TimeSpan LastEvent, int Emitted, TimeSpan PipelineCpu, double[] LagMs);

sealed record UploadRun(TimeSpan Wall, TimeSpan PipelineCpu, TimeSpan ProcessCpu, long ProcessPeak, long ModulePeak, long SandboxRetained, string Summary);
