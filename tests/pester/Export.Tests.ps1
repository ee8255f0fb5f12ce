# Every output type, as ConvertTo-Json -Depth 5 and Export-Csv write it: plain values only — no JsonElement
# ValueKind, no .NET type names, no TimeSpan fields, no raw JSON twins.
BeforeDiscovery {
    . "$PSScriptRoot/RenderingData.ps1"
    $types = @(Get-RenderingCase | ForEach-Object { @{ Type = $_.Type } }) + @{ Type = 'LeadWithCustomFields' } + @{ Type = 'Context' } + @{ Type = 'CreditBalance' }
}

BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    . "$PSScriptRoot/RenderingData.ps1"
    Start-TestSandbox | Out-Null
    Connect-Sandbox | Out-Null
    $script:Objects = @{
        LeadWithCustomFields = @(Get-SpLead -LeadId lead_3 -Full)
        Context              = @(Get-SpContext)
        CreditBalance        = @(Get-SpCredit)
    }
    Set-RealisticAnswers
    foreach ($case in Get-RenderingCase) { $script:Objects[$case.Type] = @(& $case.Get) }

    # A .NET type name as PowerShell prints an object it cannot show: System.Collections.Generic.Dictionary`2[…], System.Object[], SendPilot.Client.Models.X.
    $script:TypeName = '(System|SendPilot)\.[A-Z][A-Za-z]+(\.[A-Z][A-Za-z0-9]+)*(`\d|\[\]|\b)'
}

AfterAll { Stop-TestSandbox }

# One Describe per output type; names stay literal (the dotnet test bridge lists tests by name, before Pester expands <…>).
Describe 'Export of an output type' -ForEach $types {
    BeforeAll { $objects = $script:Objects[$Type] }

    It 'has objects to export' { $objects.Count | Should -BeGreaterThan 0 -Because $Type }

    It 'writes plain values with ConvertTo-Json -Depth 5' {
        $json = $objects | ConvertTo-Json -Depth 5
        $json | Should -Not -Match 'ValueKind' -Because $Type
        $json | Should -Not -Match '"Ticks"|"TotalMilliseconds"' -Because $Type
        $json | Should -Not -Match '"Raw(Json)?"\s*:' -Because $Type
        $json | Should -Not -Match $script:TypeName -Because $Type
        $null = $json | ConvertFrom-Json
    }

    It 'writes plain values with Export-Csv' {
        $path = Join-Path $TestDrive "$Type.csv"
        $objects | Export-Csv -Path $path
        $csv = Get-Content -Raw $path
        $csv | Should -Not -Match $script:TypeName -Because $Type
        $csv | Should -Not -Match 'ValueKind' -Because $Type
        (Get-Content $path -First 1) | Should -Not -Match '"Raw(Json)?"' -Because $Type
        @(Import-Csv $path).Count | Should -Be $objects.Count -Because $Type
    }
}

Describe 'Values that used to export as objects' {
    It 'exports custom lead fields as their values, after the known fields' {
        $lead = $script:Objects['LeadWithCustomFields'][0]
        $json = $lead | ConvertTo-Json -Depth 5 | ConvertFrom-Json -AsHashtable
        $json.icebreaker | Should -Be "Saw Initech's news"
        $json.customScore | Should -Be 52
        $json.Data.customScore | Should -Be 52
        $names = @($lead.PSObject.Properties.Name)
        $names.IndexOf('icebreaker') | Should -BeGreaterThan $names.IndexOf('IsPremium')
        ($lead | Format-List * | Out-String) | Should -Match '(?s)IsPremium\s+: False.*icebreaker\s+: Saw Initech'

        $path = Join-Path $TestDrive 'lead.csv'
        $lead | Export-Csv -Path $path
        $row = Import-Csv $path
        $row.icebreaker | Should -Be "Saw Initech's news"
        $row.customScore | Should -Be '52'
    }

    It 'exports the upload duration as seconds' {
        $summary = $script:Objects['LeadUploadSummary'][0]
        $json = $summary | ConvertTo-Json | ConvertFrom-Json -AsHashtable
        $json.ElapsedSeconds | Should -BeOfType [double]
        $json.Keys | Should -Not -Contain 'Elapsed'
    }

    It 'exports webhook data as its values' {
        $event = $script:Objects['WebhookEvent'] | Where-Object EventType -eq 'reply.received'
        ($event | ConvertTo-Json -Depth 5 | ConvertFrom-Json).Data.tags | Should -Be @('hot', 'emea')
        $path = Join-Path $TestDrive 'event.csv'
        $script:Objects['WebhookEvent'] | Export-Csv -Path $path
        (Import-Csv $path)[0].Data | Should -Be 'searchId=srch_42; leadsFound=12345'
    }

    It 'exports the scopes of the context as text' {
        $path = Join-Path $TestDrive 'context.csv'
        Get-SpContext | Export-Csv -Path $path
        (Import-Csv $path).Scopes | Should -Match '^campaigns:read, campaigns:write, '
    }

    It 'keeps the quota answer as sent one call away, not as a twin property' {
        $script:Objects['SenderQuota'][0].PSObject.Properties.Name | Should -Not -Contain 'Raw'
        $script:Objects['SenderQuota'][0].PSObject.Properties.Name | Should -Not -Contain 'RawJson'
        (Invoke-SpApi -Method GET -Path /senders/quotas).quotas[0].messages.limit | Should -Be 25000
    }
}
