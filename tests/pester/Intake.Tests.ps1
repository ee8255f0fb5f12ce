# What users are told and what a copy sends, in a real pwsh: the console text of each class of error (read from a second
# pwsh's stderr, as a user would see it), "$_" in a catch block, and copying leads between campaigns, asserted on the
# request bodies the sandbox logged.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"; Start-TestSandbox; Connect-Sandbox

    # Runs every case in ONE new pwsh (starting pwsh is the slow part), each from a reset sandbox with its own fault and
    # key, and returns what each case printed as errors, as one line: the console wraps errors behind '|' gutters.
    function Get-ConsoleError {
        param([Parameter(Mandatory)] [System.Collections.IDictionary] $Cases)
        $steps = foreach ($name in $Cases.Keys) {
            $case = $Cases[$name]
            $fault = if ($case.Fault) {
                $json = ($case.Fault | ConvertTo-Json -Compress) -replace "'", "''"
                "Invoke-RestMethod -Method Post '$script:SandboxRoot/_admin/faults' -ContentType 'application/json' -Body '$json' | Out-Null"
            }
            $connect = if ($case.NotConnected) { 'Disconnect-SpAccount' }
                       else { "Connect-SpAccount -ApiKey '$(if ($case.ApiKey) { $case.ApiKey } else { $script:SandboxKey })' -BaseUri '$script:SandboxUri' -MaximumRetryCount 0" }
            "[Console]::Error.WriteLine('<<case $name>>')", "Invoke-RestMethod -Method Post '$script:SandboxRoot/_admin/reset' | Out-Null", $connect, $fault, $case.Script -join "`n"
        }
        $run = Invoke-ChildPwsh -Command ("`$PSStyle.OutputRendering = 'PlainText'; Import-Module '$script:ModuleManifest'`n" + ($steps -join "`n"))
        $texts = @{}
        foreach ($part in ($run.Errors -split '<<case ' | Where-Object { $_ })) {
            $name, $rest = $part -split '>>', 2
            $lines = $rest -split "`r?`n" | ForEach-Object { $_ -replace '^\s*\|\s?', '' }
            $texts[$name] = (($lines -join ' ') -replace '\s+', ' ').Trim()
        }
        $texts
    }

    function Get-PostedLead {
        $posted = @(Get-SandboxRequest -Method POST -Path '/leads')
        $posted.Count | Should -BeGreaterThan 0
        ($posted[-1].body | ConvertFrom-Json -AsHashtable)
    }
}

AfterAll { Stop-TestSandbox }

Describe 'Console text of errors' {
    BeforeAll {
        $typo = Join-Path $TestDrive 'typo.csv'
        1..500 | ForEach-Object { [pscustomobject]@{ 'LinkdIn URL' = "https://www.linkedin.com/in/pester-typo-$_"; 'First Name' = 'T' } } | Export-Csv $typo
        $semi = Join-Path $TestDrive 'semi.csv'
        Set-Content $semi "linkedinUrl;firstName`nhttps://www.linkedin.com/in/pester-semi;Ann"
        $campaign = 'Get-SpCampaign -Id camp_xyz789'
        $script:Console = Get-ConsoleError ([ordered]@{
            '400' = @{ Fault = @{ Method = 'GET'; Path = '/campaigns/camp_xyz789'; Status = 400; Message = 'Invalid request data' }; Script = $campaign }
            '401' = @{ Fault = @{ Method = 'GET'; Path = '/campaigns/camp_xyz789'; Status = 401; Message = 'Invalid API key' }; Script = $campaign }
            '403' = @{ Fault = @{ Method = 'GET'; Path = '/campaigns/camp_xyz789'; Status = 403; Message = 'API key lacks the campaigns:read scope' }; Script = $campaign }
            '404' = @{ Script = 'Get-SpCampaign -Id camp_nope' }
            '429' = @{ Fault = @{ Method = 'GET'; Path = '/campaigns/camp_xyz789'; Status = 429; Message = 'Rate limit exceeded' }; Script = $campaign }
            '503' = @{ Fault = @{ Method = 'GET'; Path = '/campaigns/camp_xyz789'; Status = 503; Message = 'Service Unavailable' }; Script = $campaign }
            'nokey' = @{ NotConnected = $true; Script = 'Get-SpCampaign' }
            'rejected' = @{ Script = "[pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/sales/lead/x' } | Add-SpLead -CampaignId camp_xyz789 | Out-Null" }
            'failed' = @{ Fault = @{ Method = 'POST'; Path = '/leads'; Status = 503; Message = 'Service Unavailable' }
                          Script = "'https://www.linkedin.com/in/pester-fail' | Add-SpLead -CampaignId camp_xyz789 | Out-Null" }
            'nocampaign' = @{ Script = '1..50 | ForEach-Object { "https://www.linkedin.com/in/pester-nocamp-$_" } | Add-SpLead -CampaignId camp_nope' }
            'readonly' = @{ ApiKey = 'sp_test_readonly_000000000000002'
                            Script = '1..3 | ForEach-Object { "https://www.linkedin.com/in/pester-ro-$_" } | Add-SpLead -CampaignId camp_xyz789 -ErrorAction SilentlyContinue | Out-Null' }
            'typo' = @{ Script = "Import-Csv '$typo' | Add-SpLead -CampaignId camp_xyz789 -ErrorAction SilentlyContinue | Out-Null" }
            'semicolon' = @{ Script = "Import-Csv '$semi' | Add-SpLead -CampaignId camp_xyz789 -ErrorAction SilentlyContinue | Out-Null" }
        })
    }

    # Names are made here, at discovery: Pester would expand <…> in a data-driven name only when it runs.
    $cases = @(
        @{ Case = '400'; Cmdlet = 'Get-SpCampaign'; Expected = 'GET /v1/campaigns/camp_xyz789 failed: the API answered 400 Bad Request, "Invalid request data". Correct what the API''s message names and try again.' }
        @{ Case = '401'; Cmdlet = 'Get-SpCampaign'; Expected = 'GET /v1/campaigns/camp_xyz789 failed: the API answered 401 Unauthorized, "Invalid API key". Check the key: Connect-SpAccount -ApiKey <key>, or set $env:SENDPILOT_API_KEY.' }
        @{ Case = '403'; Cmdlet = 'Get-SpCampaign'; Expected = 'GET /v1/campaigns/camp_xyz789 failed: the API answered 403 Forbidden, "API key lacks the campaigns:read scope". Give the API key the scope named in the message (SendPilot → Integrations → API Keys), then connect again.' }
        @{ Case = '404'; Cmdlet = 'Get-SpCampaign'; Expected = 'GET /v1/campaigns/camp_nope failed: the API answered 404 Not Found, "Campaign not found". Check the id: Get-SpCampaign, Get-SpLead and Get-SpSender list what exists.' }
        @{ Case = '429'; Cmdlet = 'Get-SpCampaign'; Expected = 'GET /v1/campaigns/camp_xyz789 failed: the API answered 429 Too Many Requests, "Rate limit exceeded". The API''s rate limit was reached; try again later or with fewer parallel requests.' }
        @{ Case = '503'; Cmdlet = 'Get-SpCampaign'; Expected = 'GET /v1/campaigns/camp_xyz789 failed: the API answered 503 Service Unavailable. SendPilot could not answer; try again in a few minutes.' }
        @{ Case = 'nokey'; Cmdlet = 'Get-SpCampaign'; Expected = 'There is no SendPilot API key in this session or in $env:SENDPILOT_API_KEY, so no request was made. Run Connect-SpAccount -ApiKey <key> (or -ProfileName <saved profile>), or for automation set $env:SENDPILOT_API_KEY (and optionally $env:SENDPILOT_BASE_URI) or $env:SENDPILOT_PROFILE.' }
        @{ Case = 'rejected'; Cmdlet = 'Add-SpLead'; Expected = 'Row 1 rejected for camp_xyz789: ''https://www.linkedin.com/sales/lead/x'' is a Sales Navigator link; SendPilot needs the person''s public profile URL (a LinkedIn profile URL like https://www.linkedin.com/in/<slug>). Fix the row and add it again.' }
        @{ Case = 'failed'; Cmdlet = 'Add-SpLead'; Expected = 'Row 1 (https://www.linkedin.com/in/pester-fail) failed for camp_xyz789: batch 1 failed: POST /v1/leads failed with 503 Service Unavailable: Service Unavailable. Add the failed rows again ($err.TargetObject | Add-SpLead); the API skips leads it already has, so re-sending is safe.' }
        @{ Case = 'nocampaign'; Cmdlet = 'Add-SpLead'; Expected = 'Campaign camp_nope was not found, so no lead was sent (GET /v1/campaigns/camp_nope): the API answered 404 Not Found, "Campaign not found". Check the id with Get-SpCampaign (Tab completes campaign ids), then run the upload again.' }
        @{ Case = 'readonly'; Cmdlet = 'Add-SpLead'; Expected = 'The upload to campaign camp_xyz789 stopped and 3 row(s) were not sent (POST /v1/leads): the API answered 403 Forbidden, "Key lacks leads:write". Each unsent row has a SendPilot.LeadNotSent error record and rows after them were not read; check the key and its scopes with Get-SpContext, then run the upload again (rows already added count as duplicates).' }
        @{ Case = 'typo'; Cmdlet = 'Add-SpLead'; Expected = 'No column of the input is a LinkedIn URL, so the upload stopped at row 1 and nothing was sent: the columns are ''LinkdIn URL'', ''First Name''. Name the URL column with -PropertyMap @{ ''LinkdIn URL'' = ''linkedinUrl'' }.' }
        @{ Case = 'semicolon'; Cmdlet = 'Add-SpLead'; Expected = 'No column of the input is a LinkedIn URL, so the upload stopped at row 1 and nothing was sent: the columns are ''linkedinUrl;firstName''. Column ''linkedinUrl;firstName'' contains a semicolon: read the file with Import-Csv -Delimiter '';''.' }
    )
    foreach ($case in $cases) {
        It "$($case.Case) is one sentence on the console, without the JSON body" -ForEach $case {
            $text = $script:Console[$Case]
            $text | Should -BeLike "${Cmdlet}: *$([WildcardPattern]::Escape($Expected))"
            $text | Should -Not -BeLike '*{"statusCode"*'
            # One error each: a wrong campaign or a missing URL column stops once, not once per row.
            ([regex]::Matches($text, '(Get-SpCampaign|Add-SpLead): ')).Count | Should -Be 1
        }
    }

    It '"$_" is the sentence; the exception keeps its request line and the JSON body' {
        Reset-Sandbox
        $caught = try { Get-SpCampaign -Id camp_nope -ErrorAction Stop } catch { $_ }

        "$caught" | Should -BeExactly 'GET /v1/campaigns/camp_nope failed: the API answered 404 Not Found, "Campaign not found". Check the id: Get-SpCampaign, Get-SpLead and Get-SpSender list what exists.'
        $caught.Exception.Message | Should -BeExactly 'GET /v1/campaigns/camp_nope failed with 404 Not Found: Campaign not found'
        ($caught.Exception.ResponseBody | ConvertFrom-Json).statusCode | Should -Be 404
    }
}

Describe 'Copying leads between campaigns' {
    BeforeEach {
        Reset-Sandbox
        [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/pester-copy'; firstName = 'Cora'; company = 'Acme'; customScore = '85'; score = 42 } |
            Add-SpLead -CampaignId camp_xyz789 | Out-Null
        $script:original = Get-SpLead -CampaignId camp_xyz789 -Full | Where-Object LinkedinUrl -like '*/pester-copy'
    }

    It 'Get-SpLead | Add-SpLead sends the known fields only' {
        Get-SpLead -LeadId $script:original.LeadId | Add-SpLead -CampaignId camp_sbx_10 | Out-Null

        $body = Get-PostedLead
        $body.campaignId | Should -Be 'camp_sbx_10'
        $body.leads[0] | Should -BeOfType [hashtable]
        ($body.leads[0].Keys | Sort-Object) | Should -Be @('company', 'firstName', 'linkedinUrl')
        $body.leads[0].linkedinUrl | Should -BeExactly 'https://www.linkedin.com/in/pester-copy'
        $body.leads[0].firstName | Should -BeExactly 'Cora'
    }

    It 'Get-SpLead -Full | Add-SpLead sends the custom fields with their types' {
        $script:original | Add-SpLead -CampaignId camp_sbx_10 | Out-Null

        $body = Get-PostedLead
        ($body.leads[0].Keys | Sort-Object) | Should -Be @('company', 'customScore', 'firstName', 'linkedinUrl', 'score')
        $body.leads[0].customScore | Should -BeExactly '85'
        $body.leads[0].score | Should -Be 42
        $body.leads[0].score | Should -BeOfType [long]
    }

    It 'a CSV exported from Get-SpLead -Full re-imports to the same custom fields' {
        $csv = Join-Path $TestDrive 'exported.csv'
        $script:original | Export-Csv $csv
        (Get-Content $csv -First 1) | Should -BeLike '*"Data"*'
        $summary = Import-Csv $csv | Add-SpLead -CampaignId camp_sbx_10

        $summary.Added | Should -Be 1
        $body = Get-PostedLead
        $body.campaignId | Should -Be 'camp_sbx_10'
        ($body.leads[0].Keys | Sort-Object) | Should -Be @('company', 'customScore', 'firstName', 'linkedinUrl', 'score')
        $body.leads[0].customScore | Should -BeExactly '85'
        $body.leads[0].score | Should -BeExactly '42'
        $copy = Get-SpLead -CampaignId camp_sbx_10 -Full | Where-Object LinkedinUrl -like '*/pester-copy'
        $copy.customScore | Should -BeExactly '85'
        $copy.score | Should -BeExactly '42'
    }
}
