namespace SendPilot.Bench.Cold;

/// <summary>
/// The scripts each cold run executes. Every one times only its statement (the Stopwatch around it) and reports
/// seconds, count (leads added or listed, messages sent) and hwm (the process's peak RSS, bytes) on its RESULT line.
/// </summary>
public static class ColdScripts
{
    public const string Campaign = "camp_bench";

    /// <summary>Connection for the module: the environment, as a scheduled script would have it.</summary>
    private const string Headers = "$uri = \"$env:SENDPILOT_BASE_URI/leads\"; $headers = @{ 'X-API-Key' = $env:SENDPILOT_API_KEY }\n";

    public static string ImportCsvAlone(string csv) => Timed(null, $"Import-Csv '{csv}' | Out-Null; $count = 0");

    public static string AddSpLead(string manifest, string csv, bool sampleHeap = false, string? benchDll = null) =>
        Timed(manifest, $"$summary = Import-Csv '{csv}' | Add-SpLead -CampaignId {Campaign}; $count = $summary.Added", sampleHeap ? benchDll : null);

    /// <summary>What a user writes without the module: batches of 100 posted one after another.</summary>
    public static string SequentialRestLoop(string csv) => Headers + Timed(null, $@"$count = 0
$batch = [System.Collections.Generic.List[object]]::new()
Import-Csv '{csv}' | ForEach-Object {{
    $batch.Add($_)
    if ($batch.Count -eq 100) {{
        $body = @{{ campaignId = '{Campaign}'; leads = $batch }} | ConvertTo-Json -Depth 3 -Compress
        $count += (Invoke-RestMethod -Method Post -Uri $uri -Headers $headers -ContentType 'application/json' -Body $body).leadsAdded
        $batch.Clear()
    }}
}}
if ($batch.Count) {{
    $body = @{{ campaignId = '{Campaign}'; leads = $batch }} | ConvertTo-Json -Depth 3 -Compress
    $count += (Invoke-RestMethod -Method Post -Uri $uri -Headers $headers -ContentType 'application/json' -Body $body).leadsAdded
}}");

    /// <summary>A skilled user's version: read everything, cut it in batches of 100, post four at a time.</summary>
    public static string ParallelRestLoop(string csv) => Headers + Timed(null, $@"$rows = Import-Csv '{csv}'
$batches = [System.Collections.Generic.List[object]]::new()
for ($i = 0; $i -lt $rows.Count; $i += 100) {{ $batches.Add($rows[$i..([Math]::Min($i + 99, $rows.Count - 1))]) }}
$answers = $batches | ForEach-Object -ThrottleLimit 4 -Parallel {{
    $body = @{{ campaignId = '{Campaign}'; leads = $_ }} | ConvertTo-Json -Depth 3 -Compress
    Invoke-RestMethod -Method Post -Uri $using:uri -Headers $using:headers -ContentType 'application/json' -Body $body
}}
$count = ($answers | Measure-Object -Property leadsAdded -Sum).Sum");

    public static string GetSpLead(string manifest) =>
        Timed(manifest, $"$leads = Get-SpLead -CampaignId {Campaign}; $count = $leads.Count");

    public static string SequentialPaging() => Headers + Timed(null, $@"$leads = [System.Collections.Generic.List[object]]::new()
$page = 1
do {{
    $answer = Invoke-RestMethod -Uri ""$($uri)?campaignId={Campaign}&page=$page&limit=100"" -Headers $headers
    $leads.AddRange(@($answer.leads))
    $page++
}} while ($page -le $answer.pagination.totalPages)
$count = $leads.Count");

    /// <summary>Send-SpMessage over contact rows, the sender chosen by the module; -NoLedger connects without the send log.</summary>
    public static string SendSpMessage(string manifest, string csv, bool ledger) =>
        Timed(manifest, "$sent = Import-Csv '" + csv + "' | Send-SpMessage -Message 'Hi {{firstName}}, {{icebreaker}}'; $count = @($sent).Count",
            connect: "Connect-SpAccount -ApiKey $env:SENDPILOT_API_KEY -BaseUri $env:SENDPILOT_BASE_URI" + (ledger ? "" : " -NoLedger") + " | Out-Null");

    /// <summary>Only Import-Module, timed.</summary>
    public static string ImportModule(string manifest) =>
        $"$clock = [System.Diagnostics.Stopwatch]::StartNew()\nImport-Module '{manifest}'\n$seconds = $clock.Elapsed.TotalSeconds\n" + Report;

    private static string Timed(string? manifest, string statement, string? samplerDll = null, string? connect = null)
    {
        string import = manifest == null ? "" : $"Import-Module '{manifest}'\n";
        string sampler = samplerDll == null ? "" : $"Add-Type -Path '{samplerDll}'\n";
        string startSampler = samplerDll == null ? "" : "[SendPilot.Bench.Cold.LiveHeapSampler]::Start()\n";
        string stopSampler = samplerDll == null ? "$live = 0\n" : "$live = [SendPilot.Bench.Cold.LiveHeapSampler]::Stop()\n";
        return import + sampler + (connect == null ? "" : connect + "\n") + startSampler +
               "$startedAt = [System.Diagnostics.Stopwatch]::GetTimestamp(); $clock = [System.Diagnostics.Stopwatch]::StartNew()\n" + statement + "\n$seconds = $clock.Elapsed.TotalSeconds\n" +
               stopSampler + Report;
    }

    private const string Report =
        "$hwm = [long](((Get-Content /proc/self/status) -match '^VmHWM')[0] -replace '\\D', '') * 1024\n" +
        "if ($null -eq $count) { $count = 0 }; if ($null -eq $live) { $live = 0 }\n" +
        "'RESULT ' + (@{ seconds = $seconds; count = [long]$count; hwm = $hwm; live = [long]$live; startedAt = [long]$startedAt } | ConvertTo-Json -Compress)\n";
}
