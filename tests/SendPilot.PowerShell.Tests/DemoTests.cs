using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests;

/// <summary>
/// examples/demo.ps1 end to end against the sandbox. The in-process engine lacks the Utility and
/// Management cmdlets the demo uses for display, so small stand-ins are defined first; everything
/// SendPilot does in the demo is the real module over real HTTP.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public class DemoTests : IClassFixture<SandboxFixture>, IDisposable
{
    private const string StandIns = """
        $global:DemoHost = [System.Collections.Generic.List[string]]::new()
        function Write-Host { param([Parameter(Position = 0)] $Object, $ForegroundColor) $global:DemoHost.Add([string]$Object) }
        function Format-Table { [CmdletBinding()] param([Parameter(ValueFromPipeline)] $InputObject, [switch] $Wrap) process { $InputObject } }
        function Format-List { [CmdletBinding()] param([Parameter(ValueFromPipeline)] $InputObject) process { $InputObject } }
        function Select-Object { [CmdletBinding()] param([Parameter(ValueFromPipeline)] $InputObject, [int] $First)
            begin { $seen = 0 } process { if ($seen -lt $First) { $InputObject }; $seen++ } }
        function Join-Path { param($Path, $ChildPath) [System.IO.Path]::Combine($Path, $ChildPath) }
        function Start-Sleep { param([int] $Milliseconds) [System.Threading.Thread]::Sleep($Milliseconds) }
        function ConvertTo-Json { param([Parameter(ValueFromPipeline)] $InputObject)
            process { '{' + (($InputObject.Keys | ForEach-Object { '"' + $_ + '":"' + $InputObject[$_] + '"' }) -join ',') + '}' } }
        function Invoke-RestMethod { param([Parameter(Position = 0)] $Uri, $Method = 'Get', $ContentType, $Body)
            $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($Method.ToUpperInvariant()), $Uri)
            if ($Body) { $request.Content = [System.Net.Http.StringContent]::new($Body, [System.Text.Encoding]::UTF8, 'application/json') }
            $response = [System.Net.Http.HttpClient]::new().SendAsync($request).GetAwaiter().GetResult()
            if (-not $response.IsSuccessStatusCode) { throw "HTTP $([int]$response.StatusCode) from $Uri" }
            $response.Content.ReadAsStringAsync().GetAwaiter().GetResult() }
        function Import-Csv { param([Parameter(Position = 0)] $Path)
            $lines = [System.IO.File]::ReadAllLines($Path); $headers = $lines[0].Split(',')
            foreach ($line in $lines[1..($lines.Length - 1)]) {
                $cells = $line.Split(','); $row = [ordered]@{}
                for ($i = 0; $i -lt $headers.Length; $i++) { $row[$headers[$i]] = $cells[$i] }
                [pscustomobject]$row } }
        """;

    private readonly SandboxServer _sandbox;

    public DemoTests(SandboxFixture fixture)
    {
        _sandbox = fixture.Server;
        _sandbox.Reset();
        Environment.SetEnvironmentVariable("SENDPILOT_API_KEY", _sandbox.ApiKey);
        Environment.SetEnvironmentVariable("SENDPILOT_BASE_URI", _sandbox.BaseUri.ToString());
        _processLedger = Environment.GetEnvironmentVariable("SENDPILOT_LEDGER_PATH");
        Environment.SetEnvironmentVariable("SENDPILOT_LEDGER_PATH", TestLedger.NewFolder());
    }

    private readonly string? _processLedger;

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("SENDPILOT_API_KEY", null);
        Environment.SetEnvironmentVariable("SENDPILOT_BASE_URI", null);
        Environment.SetEnvironmentVariable("SENDPILOT_LEDGER_PATH", _processLedger);
    }

    [Fact]
    public void The_demo_uploads_the_example_csv_sends_three_messages_and_receives_their_webhooks()
    {
        using var session = new PsSession();
        session.Run(StandIns).ThrowIfFailed();
        string demo = Path.Combine(ModulePaths.RepositoryRoot, "examples", "demo.ps1");
        var result = session.Run($"& '{demo}'").ThrowIfFailed();

        var summary = result.Output.Single(o => o.TypeNames[0].EndsWith("LeadUploadSummary"));
        Assert.Equal(20, Convert.ToInt32(summary.P("Submitted")));
        Assert.Equal(15, Convert.ToInt32(summary.P("Added")));
        Assert.Equal(1, Convert.ToInt32(summary.P("DuplicatesSkipped")));
        Assert.Equal(4, Convert.ToInt32(summary.P("Invalid")));
        Assert.Equal(3, result.Output.Count(o => o.TypeNames[0].EndsWith("MessageReceipt")));
        Assert.Equal(3, result.Output.Count(o => o.TypeNames[0].EndsWith("WebhookEvent")));
        Assert.Equal(3, _sandbox.CountRequests("POST", "/inbox/send/lead/*"));
        var hostLines = session.Run("$global:DemoHost").Output.Select(o => o.ToString()!.Trim());
        Assert.Contains("Done: 15 leads added, 3 messages sent and confirmed by webhook.", hostLines);
    }
}
