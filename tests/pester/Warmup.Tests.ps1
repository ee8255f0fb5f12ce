# At import the module compiles its hot path on a background thread, including one campaign check and a one-row
# upload through its HTTP core over an in-memory connection. That must work (a failure there is silent: only speed
# would tell) and must send nothing anywhere: not to the API the session is set up for, not over any socket.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $null = Start-TestSandbox
}

AfterAll { Stop-TestSandbox }

Describe 'The warm-up at import' {
    BeforeEach { Reset-Sandbox }

    It 'finishes in a fresh pwsh without error and sends nothing to the configured API' {
        $child = Invoke-ChildPwsh -Environment @{ SENDPILOT_API_KEY = $SandboxKey; SENDPILOT_BASE_URI = $SandboxUri } -Command @"
Import-Module '$ModuleManifest'
`$warmup = [SendPilot.PowerShell.Infrastructure.ModuleInitializer].Assembly.GetType('SendPilot.PowerShell.Infrastructure.HotPathWarmup')
`$finished = `$warmup.GetProperty('Finished', [Reflection.BindingFlags]'Static, NonPublic').GetValue(`$null)
try { `$null = `$finished.Wait(60000) } catch { }
if (-not `$finished.IsCompleted) { 'still running after 60 s' }
elseif (`$finished.IsFaulted) { 'failed: ' + `$finished.Exception.InnerException.Message }
else { `$finished.Status }
"@
        $child.Errors | Should -BeNullOrEmpty
        $child.Output.Trim() | Should -Be 'RanToCompletion'
        Get-SandboxRequest | Should -BeNullOrEmpty
    }

}
