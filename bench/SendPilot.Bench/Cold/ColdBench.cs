using System.Diagnostics;
using System.Text;
using SendPilot.Sandbox;

namespace SendPilot.Bench.Cold;

/// <summary>
/// Cold figures: every run is a new pwsh process running one script, as a scheduled task runs it, and each figure is the
/// median of several runs. The variants of a scenario alternate run by run, so a busy moment weighs on all of them alike.
/// dotnet run -c Release --project bench/SendPilot.Bench -- --cold [--runs 3] [--scenario upload50|upload0|million|list|send|import] [--quick]
/// </summary>
public sealed class ColdBench
{
    private const int LatencyMs = 50, ThrottleLimit = 4, BatchSize = 100;
    private readonly string _root, _manifest, _work;
    private readonly int _runs;
    private readonly bool _quick;
    private readonly ChildPwsh _pwsh;
    private readonly List<string[]> _table = new();

    private ColdBench(string root, string manifest, int runs, bool quick)
    {
        _root = root;
        _manifest = manifest;
        _runs = runs;
        _quick = quick;
        _work = Directory.CreateTempSubdirectory("sendpilot-cold-").FullName;
        _pwsh = new ChildPwsh(root, _work);
    }

    public static async Task<int> RunAsync(string root, string manifest, string[] args)
    {
        int runs = Option(args, "--runs") is { } r ? int.Parse(r) : 3;
        string? only = Option(args, "--scenario");
        bool quick = args.Contains("--quick");
        var bench = new ColdBench(root, manifest, runs, quick);
        try
        {
            Console.WriteLine($"SendPilot cold benchmark — every run a new pwsh {bench._pwsh.Version} process; median of {runs}; {Environment.ProcessorCount} cores{(quick ? "; QUICK (sizes / 10)" : "")}");
            Console.WriteLine($"module: {manifest}");
            Console.WriteLine("Times are the script's own statement (Stopwatch around it, after Import-Module); pwsh start-up is not in them.");
            Console.WriteLine();
            bool Runs(string name) => only == null || only == name;
            await using var lean = await LeanServer.StartAsync();
            bench.CheckServer(lean);
            if (Runs("upload50")) bench.Upload50(lean);
            if (Runs("upload0")) bench.Upload0(lean);
            if (Runs("million")) bench.Million(lean);
            if (Runs("list")) bench.List(lean);
            if (Runs("send")) await bench.SendAsync();
            if (Runs("import")) bench.ImportModule();
            bench.PrintTable();
            return 0;
        }
        finally
        {
            Directory.Delete(bench._work, recursive: true);
        }
    }

    private int Scale(int full) => _quick ? full / 10 : full;

    /// <summary>A ratio means nothing if the server itself is slow: 200 sequential requests must take well under a second.</summary>
    private void CheckServer(LeanServer lean)
    {
        using var http = new HttpClient();
        byte[] body = Encoding.UTF8.GetBytes("{\"campaignId\":\"c\",\"leads\":[" + string.Join(",", Enumerable.Range(1, 100).Select(i => $"{{\"linkedinUrl\":\"https://www.linkedin.com/in/x-{i}\",\"firstName\":\"F\"}}")) + "]}");
        void Post() => http.Send(new HttpRequestMessage(HttpMethod.Post, new Uri(lean.BaseUri + "/leads")) { Content = new ByteArrayContent(body) }).EnsureSuccessStatusCode();
        for (int i = 0; i < 20; i++) Post();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 200; i++) Post();
        double ms = clock.Elapsed.TotalMilliseconds;
        lean.ResetCounts();
        Console.WriteLine($"[server] lean loopback server: 200 sequential POST /leads (100 leads each) in {ms:0} ms");
        _table.Add(new[] { "c0", "Lean loopback server (Kestrel, Nagle off): 200 sequential POST /leads of 100 leads, 0 ms", $"{ms:0} ms", "well under 1 s", ms < 500 ? "PASS" : "FAIL" });
    }

    private void Upload50(LeanServer lean)
    {
        int rows = Scale(20_000);
        string csv = LeadCsv(rows);
        lean.LatencyMs = LatencyMs;
        var results = Alternate(
            ("module", () => { lean.ResetCounts(); var run = Expect(_pwsh.Run(ColdScripts.AddSpLead(_manifest, csv), Env(lean)), rows); Console.WriteLine($"             at the server: first POST to last answer {lean.PostSpan.TotalSeconds:0.000} s, a POST took {lean.MeanPostTime.TotalMilliseconds:0.0} ms on average; {Timeline(lean, run)}"); return run; }),
            ("sequential", () => Expect(_pwsh.Run(ColdScripts.SequentialRestLoop(csv), Env(lean)), rows)),
            ("parallel", () => Expect(_pwsh.Run(ColdScripts.ParallelRestLoop(csv), Env(lean)), rows)));
        lean.LatencyMs = 0;
        double ideal = Math.Ceiling(rows / (double)BatchSize) * LatencyMs / 1000.0 / ThrottleLimit;
        double module = Median(results["module"], "seconds"), sequential = Median(results["sequential"], "seconds"), parallel = Median(results["parallel"], "seconds");
        _table.Add(new[] { "c1", $"{rows:N0} rows × 10 columns, server answering in {LatencyMs} ms: `Import-Csv | Add-SpLead`", $"{module:0.00} s = {module / ideal:0.00}× the ideal {ideal:0.00} s ({rows / BatchSize} requests × {LatencyMs} ms / {ThrottleLimit} in flight)", "≤ 1.15× ideal", Pass(module / ideal <= 1.15) });
        _table.Add(new[] { "c2", "same, hand-written sequential `Invoke-RestMethod` loop (batches of 100)", $"{sequential:0.00} s ({sequential / module:0.0}× the module)", "(reference)", "" });
        _table.Add(new[] { "c3", "same, `ForEach-Object -Parallel -ThrottleLimit 4` + `Invoke-RestMethod`", $"{parallel:0.00} s: the module is {parallel / module:0.00}× faster", "module ≥ 2× faster", Pass(parallel / module >= 2) });
    }

    /// <summary>Where a cold upload's time went, from the server's side: to the campaign check, to the first POST, after the last answer.</summary>
    private static string Timeline(LeanServer lean, ChildRun run)
    {
        double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
        long start = (long)run["startedAt"];
        var all = lean.Timeline.ToList();
        var check = all.FirstOrDefault(r => r.Request.StartsWith("GET /v1/campaigns", StringComparison.Ordinal));
        var posts = all.Where(r => r.Request == "POST /v1/leads").OrderBy(r => r.Arrived).ToList();
        if (check.Request == null || posts.Count == 0) return "no timeline";
        long end = start + (long)(run["seconds"] * Stopwatch.Frequency);
        return $"statement start → check arrives {Ms(start, check.Arrived):0} ms, answered +{Ms(check.Arrived, check.Answered):0} ms → first POST +{Ms(check.Answered, posts[0].Arrived):0} ms, 4th POST +{Ms(posts[0].Arrived, posts[Math.Min(3, posts.Count - 1)].Arrived):0} ms; last answer → statement end {Ms(posts.Max(p => p.Answered), end):0} ms";
    }

    private void Upload0(LeanServer lean)
    {
        int rows = Scale(20_000);
        string csv = LeadCsv(rows);
        var results = Alternate(
            ("alone", () => _pwsh.Run(ColdScripts.ImportCsvAlone(csv), Env(lean))),
            ("module", () => Expect(_pwsh.Run(ColdScripts.AddSpLead(_manifest, csv), Env(lean)), rows)));
        double alone = Median(results["alone"], "seconds"), module = Median(results["module"], "seconds");
        _table.Add(new[] { "c4", $"{rows:N0} rows, 0 ms: `Import-Csv | Add-SpLead` vs `Import-Csv | Out-Null`", $"{module:0.00} s vs {alone:0.00} s = {module / alone:0.00}×", "≤ 1.3×", Pass(module / alone <= 1.3) });
    }

    private void Million(LeanServer lean)
    {
        int rows = Scale(1_000_000);
        string csv = LeadCsv(rows), one = LeadCsv(1);
        var results = Alternate(
            ("alone", () => _pwsh.Run(ColdScripts.ImportCsvAlone(csv), Env(lean))),
            ("module", () => Expect(_pwsh.Run(ColdScripts.AddSpLead(_manifest, csv), Env(lean)), rows)));
        double alone = Median(results["alone"], "seconds"), module = Median(results["module"], "seconds");
        double aloneRss = Median(results["alone"], "hwm"), moduleRss = Median(results["module"], "hwm");
        _table.Add(new[] { "c5", $"{rows:N0} rows, 0 ms: `Import-Csv | Add-SpLead` vs `Import-Csv | Out-Null`", $"{module:0.0} s vs {alone:0.0} s = {module / alone:0.00}×; peak RSS {Mb(moduleRss)} vs {Mb(aloneRss)}", "≤ 1.6×", Pass(module / alone <= 1.6) });

        string dll = typeof(LiveHeapSampler).Assembly.Location;
        var memory = Alternate(
            ("one", () => Expect(_pwsh.Run(ColdScripts.AddSpLead(_manifest, one, sampleHeap: true, benchDll: dll), Env(lean)), 1)),
            ("million", () => Expect(_pwsh.Run(ColdScripts.AddSpLead(_manifest, csv, sampleHeap: true, benchDll: dll), Env(lean)), rows)));
        double oneLive = Median(memory["one"], "live"), bigLive = Median(memory["million"], "live");
        double oneRss = Median(memory["one"], "hwm");
        double growth = bigLive - oneLive;
        _table.Add(new[] { "c6", $"Module's own memory: peak live heap during the upload (full GC every 250 ms), {rows:N0} rows vs 1 row", $"{Mb(bigLive)} vs {Mb(oneLive)} (+{Mb(growth)}); process peak RSS {Mb(moduleRss)} vs {Mb(oneRss)}", "within 64 MB", Pass(Math.Abs(growth) <= 64 * 1024 * 1024) });
    }

    private void List(LeanServer lean)
    {
        int leads = Scale(50_000);
        lean.ListTotal = leads;
        lean.LatencyMs = LatencyMs;
        var results = Alternate(
            ("module", () => Expect(_pwsh.Run(ColdScripts.GetSpLead(_manifest), Env(lean)), leads)),
            ("sequential", () => Expect(_pwsh.Run(ColdScripts.SequentialPaging(), Env(lean)), leads)));
        lean.LatencyMs = 0;
        double module = Median(results["module"], "seconds"), sequential = Median(results["sequential"], "seconds");
        double ideal = Math.Ceiling(leads / 100.0) * LatencyMs / 1000.0 / ThrottleLimit;
        _table.Add(new[] { "c7", $"`Get-SpLead` over {leads:N0} leads, {LatencyMs} ms per page of 100, vs a sequential `Invoke-RestMethod` paging loop", $"{module:0.00} s vs {sequential:0.00} s = {module / sequential:0.00} (ideal {ideal:0.00} s)", "≤ 0.35 of sequential", Pass(module / sequential <= 0.35) });
    }

    private async Task SendAsync()
    {
        int messages = Scale(1_000);
        string csv = RecipientCsv(messages);
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { RequestLogCapacity = 8, DailyMessageLimit = 1_000_000 });
        var env = new Func<Dictionary<string, string>>(() => Env(sandbox.BaseUri, sandbox.ApiKey));
        var results = Alternate(
            ("ledger", () => { sandbox.Reset(); return Expect(_pwsh.Run(ColdScripts.SendSpMessage(_manifest, csv, ledger: true), env()), messages); }),
            ("noledger", () => { sandbox.Reset(); return Expect(_pwsh.Run(ColdScripts.SendSpMessage(_manifest, csv, ledger: false), env()), messages); }));
        double with = Median(results["ledger"], "seconds"), without = Median(results["noledger"], "seconds");
        double perMessageUs = (with - without) * 1e6 / messages;
        _table.Add(new[] { "c8", $"`Import-Csv | Send-SpMessage` over {messages:N0} contacts (template, automatic sender), 0 ms, with the send log vs `-NoLedger`", $"{with:0.00} s vs {without:0.00} s: the send log adds {perMessageUs:0} µs a message ({messages / with:N0} messages/s)", "< 1,000 µs a message", Pass(perMessageUs < 1000) });
    }

    private void ImportModule()
    {
        string trivial = TrivialManifest();
        var results = Alternate(
            ("module", () => _pwsh.Run(ColdScripts.ImportModule(_manifest), new Dictionary<string, string>())),
            ("trivial", () => _pwsh.Run(ColdScripts.ImportModule(trivial), new Dictionary<string, string>())));
        double module = Median(results["module"], "seconds"), baseline = Median(results["trivial"], "seconds");
        _table.Add(new[] { "c9", "`Import-Module` SendPilot (34 cmdlets, formats) vs a one-cmdlet binary module with a manifest", $"{module * 1000:0} ms vs {baseline * 1000:0} ms = {module / baseline:0.00}×", "≤ 2×", Pass(module / baseline <= 2) });
    }

    /// <summary>Runs the variants in turn, <see cref="_runs"/> rounds; prints each run as it ends.</summary>
    private Dictionary<string, List<ChildRun>> Alternate(params (string Name, Func<ChildRun> Run)[] variants)
    {
        var results = variants.ToDictionary(v => v.Name, _ => new List<ChildRun>());
        for (int round = 1; round <= _runs; round++)
            foreach (var (name, run) in variants)
            {
                ChildRun result = run();
                results[name].Add(result);
                Console.WriteLine($"  {name,-10} run {round}: {result["seconds"]:0.000} s (process {result.Wall:0.00} s, peak RSS {Mb(result["hwm"])}{(result["live"] > 0 ? $", live heap +{Mb(result["live"])}" : "")})");
            }
        return results;
    }

    private static ChildRun Expect(ChildRun run, long count) =>
        (long)run["count"] == count ? run : throw new InvalidOperationException($"The run reported {run["count"]} where {count} was expected.");

    private Dictionary<string, string> Env(LeanServer lean) => Env(lean.BaseUri, "sp_bench_0123456789abcdef");

    private Dictionary<string, string> Env(Uri baseUri, string key)
    {
        string run = Path.Combine(_work, Guid.NewGuid().ToString("N"));
        return new Dictionary<string, string>
        {
            ["SENDPILOT_API_KEY"] = key,
            ["SENDPILOT_BASE_URI"] = baseUri.ToString().TrimEnd('/'),
            ["SENDPILOT_LEDGER_PATH"] = Path.Combine(run, "ledger"),
            ["SENDPILOT_CONFIG_PATH"] = Path.Combine(run, "config.json"),
        };
    }

    private string LeadCsv(int rows)
    {
        string path = Path.Combine(_work, $"leads-{rows}.csv");
        if (File.Exists(path)) return path;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.WriteLine("\"linkedinUrl\",\"firstName\",\"lastName\",\"company\",\"title\",\"email\",\"city\",\"industry\",\"icebreaker\",\"notes\"");
        for (int i = 1; i <= rows; i++)
            writer.WriteLine($"\"https://www.linkedin.com/in/cold-{i}\",\"First{i}\",\"Last{i}\",\"Company {i % 500}\",\"Head of Growth\",\"p{i}@example.com\",\"Berlin\",\"Software\",\"Loved your talk on pipelines\",\"\"");
        return path;
    }

    /// <summary>First-degree contacts in the sandbox (their slugs do not start with "stranger").</summary>
    private string RecipientCsv(int rows)
    {
        string path = Path.Combine(_work, $"contacts-{rows}.csv");
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("\"linkedinUrl\",\"firstName\",\"lastName\",\"company\",\"icebreaker\"");
        for (int i = 1; i <= rows; i++)
            writer.WriteLine($"\"https://www.linkedin.com/in/contact-{i}\",\"First{i}\",\"Last{i}\",\"Company {i % 500}\",\"Loved your talk on pipelines\"");
        return path;
    }

    private string TrivialManifest()
    {
        string? built = Directory.EnumerateFiles(Path.Combine(_root, "bench", "TrivialModule", "bin"), "TrivialModule.psd1", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
        return built ?? throw new InvalidOperationException("bench/TrivialModule is not built.");
    }

    private static double Median(List<ChildRun> runs, string value)
    {
        var sorted = runs.Select(r => r[value]).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Pass(bool met) => met ? "PASS" : "FAIL";

    private static string Mb(double bytes) => $"{bytes / 1024 / 1024:0} MB";

    private static string? Option(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private void PrintTable()
    {
        Console.WriteLine();
        Console.WriteLine($"| # | Cold, real pwsh {_pwsh.Version}, median of {_runs} | Result | Target | |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var row in _table) Console.WriteLine("| " + string.Join(" | ", row) + " |");
    }
}
