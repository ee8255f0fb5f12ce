# Every default table view, with realistic data, as a user sees it at 80 and 120 columns: lines fit, headers stay whole,
# the columns a user needs are there, and every count, id and date is printed whole in its column.
BeforeDiscovery {
    . "$PSScriptRoot/RenderingData.ps1"
    $cases = foreach ($case in Get-RenderingCase) { foreach ($width in 80, 120) { @{ Type = $case.Type; Width = $width } } }
}

BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    . "$PSScriptRoot/RenderingData.ps1"
    Start-TestSandbox | Out-Null
    Connect-Sandbox | Out-Null
    Set-RealisticAnswers
    $script:Objects = @{}
    $script:Cases = @{}
    foreach ($case in Get-RenderingCase) {
        $script:Cases[$case.Type] = $case
        $script:Objects[$case.Type] = @(& $case.Get)
    }
}

AfterAll { Stop-TestSandbox }

# One Describe per type and width; names stay literal (the dotnet test bridge lists tests by name, before Pester expands <…>).
Describe 'A default table view at 80 and 120 columns' -ForEach $cases {
    BeforeAll {
        $objects = $script:Objects[$Type]
        $spec = $script:Cases[$Type]
    }

    It 'has realistic objects of the type to show' {
        $objects.Count | Should -BeGreaterThan 0 -Because $Type
        $objects | ForEach-Object { $_.PSTypeNames | Should -Contain ($_.PSTypeNames | Where-Object { $_ -like "SendPilot.*.$Type" } | Select-Object -First 1) }
    }

    It 'keeps every line within the width' {
        $text = $objects | Out-String -Width $Width
        foreach ($line in $text -split "`r?`n") { $line.Length | Should -BeLessOrEqual $Width -Because "$Type at $Width columns: '$line'" }
    }

    It 'prints the header on one line with the needed columns, whole' {
        foreach ($object in $objects) {
            $table = ConvertFrom-RenderedTable ($object | Out-String -Width $Width)
            $table.HeaderLines.Count | Should -Be 1 -Because "$Type at $Width columns: $($table.HeaderLines -join "`n")"
            $table.Columns.Label | Should -Be @($spec.Columns.Keys) -Because "$Type at $Width columns"
        }
    }

    It 'prints every count, id, status and date whole in its column' {
        foreach ($object in $objects) {
            $table = ConvertFrom-RenderedTable ($object | Out-String -Width $Width)
            foreach ($column in $table.Columns) {
                $expected = $spec.Columns[$column.Label]
                if (-not $expected) { continue }
                $value = "$(& $expected $object)"
                if (-not $value) { continue }
                Test-CellValue $table.Row[0] $column $value | Should -BeTrue -Because "$Type at $Width columns, $($column.Label) should show '$value' in '$($table.Row[0])'"
            }
        }
    }
}

Describe 'Views a user needs besides the default tables' {
    It 'shows campaign ids whole in the WithId table at 80 columns' {
        foreach ($campaign in $script:Objects['Campaign']) {
            $table = ConvertFrom-RenderedTable ($campaign | Format-Table -View WithId | Out-String -Width 80)
            Test-CellValue $table.Row[0] $table.Columns[0] $campaign.Id | Should -BeTrue -Because $table.Row[0]
        }
    }

    It 'lists the context with each scope whole at 80 columns' {
        $text = Get-SpContext | Out-String -Width 80
        foreach ($line in $text -split "`r?`n") { $line.Length | Should -BeLessOrEqual 80 }
        foreach ($resource in 'campaigns', 'leads', 'inbox', 'senders', 'credits') { $text | Should -Match "(?m)^\s*(Scopes\s+: )?$($resource): read, write$" }
    }

    It 'lists credits with the reset date in the short UTC form' {
        $credits = Get-SpCredit
        (Get-SpCredit | Out-String -Width 80) | Should -Match ([regex]::Escape($credits.NextResetDate.UtcDateTime.ToString('yyyy-MM-dd HH:mm') + 'Z'))
    }
}
