BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $null = Start-TestSandbox
    Connect-Sandbox

    # How the sandbox runs lead searches and extractions: instant in most tests, slow where waiting is the point.
    function Set-LeadJobTiming {
        param([int] $PendingMs = 0, [int] $ProcessingMs = 0, [string] $ProgressShape = 'alternate')
        $body = @{ pendingMs = $PendingMs; processingMs = $ProcessingMs; progressShape = $ProgressShape } | ConvertTo-Json
        Invoke-RestMethod -Method Post "$script:SandboxRoot/_admin/lead-sourcing" -ContentType 'application/json' -Body $body | Out-Null
    }

    function Set-SandboxCredits([int] $Available) {
        Invoke-RestMethod -Method Post "$script:SandboxRoot/_admin/credits" -ContentType 'application/json' -Body (@{ available = $Available } | ConvertTo-Json) | Out-Null
    }

    # The people of a search as the API itself serves them, read without the module.
    function Get-RawSearchLeads([string] $SearchId) {
        (Invoke-RestMethod "$script:SandboxUri/lead-database/searches/$SearchId/results?limit=100&offset=0" -Headers @{ 'X-API-Key' = $script:SandboxKey }).leads
    }

    # A lead body as a stable text: its fields sorted by name, so two bodies compare whatever their key order.
    function ConvertTo-BodyText($Lead) {
        ($Lead.PSObject.Properties | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Value)" }) -join '|'
    }
}

AfterAll { Stop-TestSandbox }

Describe 'Lead search into a campaign' {
    BeforeEach { Reset-Sandbox; Set-LeadJobTiming }

    It 'starts, waits, streams the results into Add-SpLead, and the campaign receives exactly the mapped leads' {
        $summary = Start-SpLeadSearch -Name 'CTOs Berlin' -Limit 120 -Filter @{ job_titles = @('CTO'); locations = @('Berlin') } -Wait |
            Get-SpLeadSearchResult | Add-SpLead -CampaignId camp_xyz789

        $summary.Added | Should -Be 120
        $search = Get-SandboxRequest -Method POST -Path '/lead-database/searches'
        ($search.body | ConvertFrom-Json -AsHashtable).filters.job_titles | Should -Be @('CTO')
        $raw = @(Get-RawSearchLeads 'srch_0001') + @((Invoke-RestMethod "$script:SandboxUri/lead-database/searches/srch_0001/results?limit=100&offset=100" -Headers @{ 'X-API-Key' = $script:SandboxKey }).leads)
        $expected = foreach ($lead in $raw) {
            $body = [ordered]@{ linkedinUrl = $lead.linkedin_url; firstName = $lead.first_name; lastName = $lead.last_name; company = $lead.company; title = $lead.job_title; email = $lead.email }
            foreach ($field in $lead.PSObject.Properties) {
                if ($field.Name -notin 'id', 'linkedin_url', 'first_name', 'last_name', 'company', 'job_title', 'email') { $body[$field.Name] = $field.Value }
            }
            ConvertTo-BodyText ([pscustomobject]$body)
        }
        $sent = foreach ($upload in Get-SandboxRequest -Method POST -Path '/leads') {
            foreach ($lead in ($upload.body | ConvertFrom-Json).leads) { ConvertTo-BodyText $lead }
        }
        $sent.Count | Should -Be 120
        # Batches may be answered in any order: compare the set of bodies.
        $sent | Sort-Object | Should -Be ($expected | Sort-Object)
        $sent | Should -Not -Match '(^|\|)id='
    }

    It 'round-trips extraction results through Export-Csv with the lead fields and without the result id' {
        $csv = Join-Path $TestDrive 'people.csv'
        Start-SpLeadExtraction -Name 'SN list' -UrlType sales_navigator -Url 'https://www.linkedin.com/sales/search/people?query=cto' -Mode with_enrichment -Limit 9 -Wait |
            Get-SpLeadExtractionResult -EnrichedOnly | Export-Csv $csv -NoTypeInformation

        $rows = Import-Csv $csv
        $rows.Count | Should -Be 6
        $rows[0].PSObject.Properties.Name | Should -Contain 'LinkedinUrl'
        $rows[0].PSObject.Properties.Name | Should -Contain 'headline'
        $rows[0].PSObject.Properties.Name | Should -Not -Contain 'id'
        $rows.Email | Should -Not -BeNullOrEmpty
        $rows[0].Title | Should -Be ($rows[0].headline -replace ' at .*$', '')
        (Get-SandboxRequest -Method GET -Path '/lead-extractor/campaigns/*/results').query | Should -Match 'enriched_only=true'
    }
}

Describe 'What a user sees' {
    BeforeEach { Reset-Sandbox; Set-LeadJobTiming }

    It 'renders jobs and people as tables that fit 80 columns, and never prints the key, even with -Verbose -Debug' {
        $all = Start-SpLeadSearch -Name 'Shown' -Limit 3 -Filter @{ locations = @('Munich') } -Wait -Verbose -Debug *>&1 | Out-String -Width 80
        $jobs = Get-SpLeadSearch -Id srch_0001 | Out-String -Width 80
        $people = Get-SpLeadSearchResult -Id srch_0001 | Out-String -Width 80

        ($jobs -split "`n" | Where-Object { $_ -match '\S' })[0] | Should -Match '^Id\s+Name\s+Status\s+%\s+Quota'
        $jobs | Should -Match 'srch_0001\s+Shown\s+completed\s+100'
        ($people -split "`n" | Where-Object { $_ -match '\S' })[0] | Should -Match '^Name\s+Title\s+Company\s+LinkedinUrl'
        ($people -split "`n" | Where-Object { $_ -match 'linkedin\.com/in/' }).Count | Should -Be 3
        foreach ($table in $jobs, $people) { ($table -split "`n" | Where-Object Length -gt 80) | Should -BeNullOrEmpty }
        $all | Should -Not -Match ([regex]::Escape($script:SandboxKey))
        $all | Should -Match 'X-API-Key: \*\*\*'
        $all | Should -Match 'GET /v1/lead-database/searches/srch_0001/status'
    }
}

Describe 'Waiting across sessions' {
    BeforeEach { Reset-Sandbox }

    It 'times out with a resume hint, and a new pwsh process resumes by id and reads every result' {
        Set-LeadJobTiming -ProcessingMs 12000
        $job = Start-SpLeadSearch -Name 'Slow search' -Limit 30 -Filter @{ locations = @('Paris') } -Wait -TimeoutSec 1 -ErrorVariable waited -ErrorAction SilentlyContinue

        $job | Should -BeNullOrEmpty
        $waited.Count | Should -Be 1
        $waited[0].FullyQualifiedErrorId | Should -BeLike 'SendPilot.LeadSearchWaitTimeout*'
        $waited[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        "$($waited[0])" | Should -BeLike "*srch_0001*goes on at SendPilot*Wait-SpLeadSearch -Id srch_0001*"
        (Get-SandboxRequest -Method GET -Path '/lead-database/searches/srch_0001/results') | Should -BeNullOrEmpty

        $child = Invoke-ChildPwsh -Command @"
Import-Module '$script:ModuleManifest'
Connect-SpAccount -ApiKey '$script:SandboxKey' -BaseUri '$script:SandboxUri' | Out-Null
`$people = Wait-SpLeadSearch -Id srch_0001 -PollIntervalSec 1 | Get-SpLeadSearchResult
"count=`$(`$people.Count) first=`$(`$people[0].LinkedinUrl) city=`$(`$people[0].location)"
"@
        $child.Errors | Should -BeNullOrEmpty
        $child.Output | Should -Match 'count=30 first=https://www\.linkedin\.com/in/\S+ city=Paris, France'
        $polls = Get-SandboxRequest -Method GET -Path '/lead-database/searches/srch_0001/*'
        $polls[-1].path | Should -Be '/lead-database/searches/srch_0001/results'
        $polls[-2].path | Should -Be '/lead-database/searches/srch_0001/status'
    }
}

Describe 'Starting spends credits' {
    BeforeEach { Reset-Sandbox; Set-LeadJobTiming }

    It 'sends nothing with -WhatIf' {
        Start-SpLeadSearch -Name 'Preview' -Limit 400 -Filter @{ job_titles = @('CFO') } -WhatIf | Should -BeNullOrEmpty
        Start-SpLeadExtraction -Name 'Preview' -UrlType linkedin_search -Url 'https://www.linkedin.com/search/results/people/?keywords=cfo' -Mode extraction_only -Limit 50 -WhatIf |
            Should -BeNullOrEmpty

        Get-SandboxRequest -Method POST -Path '/lead-*' | Should -BeNullOrEmpty
        (Get-SpCredit).Available | Should -Be 4500
    }

    It 'charges the credits a search uses, and refuses one the pool cannot pay for with a terminating error' {
        $null = Start-SpLeadSearch -Name 'Paid' -Limit 40 -Filter @{ industries = @('Fintech') }
        (Get-SpCredit).Available | Should -Be 4460

        Set-SandboxCredits 10
        { Start-SpLeadSearch -Name 'Too big' -Limit 50 -Filter @{ industries = @('Fintech') } } |
            Should -Throw -ErrorId 'SendPilot.InsufficientCredits*'
        $caught = try { Start-SpLeadSearch -Name 'Too big' -Limit 50 -Filter @{} } catch { $_ }
        "$caught" | Should -BeLike "*lead search 'Too big'*Insufficient quota*Get-SpCredit*"
        (Get-SpCredit).Available | Should -Be 10
    }

    It 'checks extractor URLs before any request' {
        { Start-SpLeadExtraction -Name 'Bad' -UrlType linkedin_search -Url 'http://www.linkedin.com/search/results/people/?keywords=x' -Mode extraction_only -Limit 5 } |
            Should -Throw -ErrorId 'SendPilot.InvalidSearchUrl*'
        Get-SandboxRequest -Method POST -Path '/lead-extractor/campaigns' | Should -BeNullOrEmpty
    }
}
