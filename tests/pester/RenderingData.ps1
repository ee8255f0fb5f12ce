# Realistic objects of every output type, for the rendering and export tests: long names, 5-digit counts, long URLs.
# Lists the sandbox cannot make realistic (its counts are small) are answered by fault rules with a body, so every
# object still comes from a cmdlet reading HTTP.

function Add-SandboxAnswer([string] $Path, [object] $Body) {
    Add-SandboxFault @{ method = 'GET'; path = $Path; status = 200; count = 0; body = ($Body | ConvertTo-Json -Depth 6 -Compress) }
}

function Set-RealisticAnswers {
    Add-SandboxAnswer '/campaigns' @{
        campaigns  = @(
            @{ id = 'camp_9f8e7d6c5b4a39281706'; name = 'EMEA Enterprise Founders & CTOs — Q1 2027 re-engagement sequence'; status = 'started'
               totalLeads = 48213; connectionsSent = 31877; messagesSent = 27654; repliesReceived = 10433; createdAt = '2026-11-02T09:15:00Z'; updatedAt = '2026-12-01T20:45:56Z' }
            @{ id = 'camp_1a2b3c4d5e6f7a8b9c0d'; name = 'APAC agencies'; status = 'repeating'
               totalLeads = 99999; connectionsSent = 12345; messagesSent = 98765; repliesReceived = 54321; createdAt = '2026-10-01T00:00:00Z'; updatedAt = '2026-11-30T23:59:59Z' }
            @{ id = 'camp_sbx_paused'; name = 'Paused'; status = 'paused'
               totalLeads = 7; connectionsSent = 10; messagesSent = 19; repliesReceived = 0; createdAt = '2026-09-01T00:00:00Z'; updatedAt = '2026-09-02T00:00:00Z' }
        )
        pagination = @{ page = 1; limit = 100; total = 3; totalPages = 1 }
    }
    Add-SandboxAnswer '/leads' @{
        leads      = @(
            @{ id = 'lead_100234'; campaignId = 'camp_9f8e7d6c5b4a39281706'; status = 'CONNECTION_ACCEPTED'; firstName = 'Maximiliane'; lastName = 'Oberhauser-Lindqvist'
               company = 'Vereinigte Hochleistungs-Datensysteme GmbH'; linkedinUrl = 'https://www.linkedin.com/in/maximiliane-oberhauser-lindqvist-0a1b2c3d4e'
               createdAt = '2026-11-02T09:15:00Z'; updatedAt = '2026-12-01T20:45:56Z' }
            @{ id = 'lead_100235'; campaignId = 'camp_9f8e7d6c5b4a39281706'; status = 'REPLY_RECEIVED'; firstName = 'Li'; lastName = 'Wu'
               company = 'Acme'; linkedinUrl = 'https://www.linkedin.com/in/li-wu'; createdAt = '2026-11-02T09:15:00Z'; updatedAt = '2026-12-01T20:45:56Z' }
        )
        pagination = @{ page = 1; limit = 100; total = 2; totalPages = 1 }
    }
    Add-SandboxAnswer '/senders/quotas' @{
        quotas = @(
            @{ senderId = 'sender_ann'; messages = @{ limit = 25000; used = 12; remaining = 24988 }; connections = @{ limit = 10000; used = 1; remaining = 9999 }; resetsAt = '2026-12-02T00:00:00Z' }
        )
    }
}

<# One entry per output type: how to get realistic objects, the columns its default table must show, and for some
   columns the text each cell must equal (whole numbers, whole ids, dates in the short UTC form). #>
function Get-RenderingCase {
    @(
        @{ Type = 'Campaign'; Get = { Get-SpCampaign }
           Columns = [ordered]@{ Name = $null; Status = { $args[0].Status }; Leads = { $args[0].TotalLeads }; Connections = { $args[0].ConnectionsSent }
                                 Messages = { $args[0].MessagesSent }; Replies = { $args[0].RepliesReceived } } }
        @{ Type = 'CampaignStateChange'; Get = { Suspend-SpCampaign -CampaignId camp_xyz789 -Confirm:$false }
           Columns = [ordered]@{ CampaignId = { $args[0].CampaignId }; Action = { $args[0].Action }; NewStatus = { $args[0].NewStatus }; Message = $null } }
        @{ Type = 'Lead'; Get = { Get-SpLead -CampaignId camp_9f8e7d6c5b4a39281706 }
           Columns = [ordered]@{ LeadId = { $args[0].LeadId }; Status = { $args[0].Status }; Name = $null; Company = $null } }
        @{ Type = 'LeadUploadSummary'
           Get = { 1..3 | ForEach-Object { [pscustomobject]@{ linkedinUrl = "https://www.linkedin.com/in/render-$_"; firstName = "R$_" } } | Add-SpLead -CampaignId camp_xyz789 }
           Columns = [ordered]@{ CampaignId = { $args[0].CampaignId }; Submitted = { $args[0].Submitted }; Added = { $args[0].Added }; Duplicates = { $args[0].DuplicatesSkipped }
                                 Invalid = { $args[0].Invalid }; Failed = { $args[0].Failed }; Seconds = { $args[0].ElapsedSeconds }; Note = $null } }
        @{ Type = 'LeadStatusChange'; Get = { Set-SpLeadStatus -LeadId lead_3 -Status MEETING_BOOKED -CustomLeadStatus MEETING_COMPLETE_NOT_CLOSED -Confirm:$false }
           Columns = [ordered]@{ LeadId = { $args[0].LeadId }; Status = { $args[0].Status }; CustomLeadStatus = { $args[0].CustomLeadStatus }; Message = $null } }
        @{ Type = 'Sender'; Get = { Get-SpSender }
           Columns = [ordered]@{ Id = { $args[0].Id }; Name = $null; Status = { $args[0].Status }; IsPremium = { $args[0].IsPremium } } }
        @{ Type = 'SenderQuota'; Get = { Get-SpSenderQuota }
           Columns = [ordered]@{ SenderId = { $args[0].SenderId }; Messages = { '{0}/{1}' -f $args[0].MessagesRemaining, $args[0].MessagesLimit }
                                 Connections = { '{0}/{1}' -f $args[0].ConnectionsRemaining, $args[0].ConnectionsLimit }; ResetsAt = { Format-ShortDate $args[0].ResetsAt } } }
        @{ Type = 'Conversation'; Get = { Get-SpConversation -SenderId sender_ann -First 3 }
           Columns = [ordered]@{ ParticipantName = $null; SenderId = { $args[0].SenderId }; LastMessageAt = { Format-ShortDate $args[0].LastMessageAt }
                                 Unread = { $args[0].UnreadCount }; LastMessagePreview = $null } }
        @{ Type = 'InboxMessage'; Get = { Get-SpConversation -SenderId sender_ann -First 1 | Get-SpMessage -First 3 }
           Columns = [ordered]@{ SentAt = { Format-ShortDate $args[0].SentAt }; Direction = { $args[0].Direction }; SenderId = { $args[0].SenderId }; Text = $null } }
        @{ Type = 'MessageReceipt'; Get = { Send-SpMessage -LeadId lead_4 -SenderId sender_ann -Message 'Thanks for connecting — would a short call next week work for you?' -Confirm:$false }
           Columns = [ordered]@{ Status = { $args[0].Status }; SenderId = { $args[0].SenderId }; MessageId = { $args[0].MessageId }; LeadId = { $args[0].LeadId }; Recipient = $null } }
        @{ Type = 'ConnectionReceipt'; Get = { Request-SpConnection -RecipientLinkedinUrl 'https://www.linkedin.com/in/stranger-konstantinos-papadopoulos-9z8y7x' -SenderId sender_ann -Confirm:$false }
           Columns = [ordered]@{ Status = { $args[0].Status }; SenderId = { $args[0].SenderId }; RequestId = { $args[0].RequestId }; Recipient = $null } }
        @{ Type = 'WebhookEvent'; Get = { Get-RenderingWebhookJson | ConvertFrom-SpWebhookEvent }
           Columns = [ordered]@{ Timestamp = { Format-ShortDate $args[0].Timestamp }; EventType = { $args[0].EventType }; LeadId = { $args[0].LeadId }; Text = $null } }
        @{ Type = 'WebhookSignatureResult'
           Get = { Test-SpWebhookSignature -Body '{"eventId":"evt_1"}' -Headers @{ 'Webhook-Signature' = 't=1767225600,s=00' } -Secret 'my-secret' -Detailed }
           Columns = [ordered]@{ IsValid = { $args[0].IsValid }; Scheme = { $args[0].Scheme }; Failure = { $args[0].Failure }; Message = $null } }
        @{ Type = 'WebhookTestDelivery'
           Get = { Send-SpTestWebhook -Uri "$($script:SandboxRoot)/hooks/a-rather-long-receiver-path/sendpilot/events" -EventType lead_database.search.completed -Secret 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' -ErrorAction SilentlyContinue }
           Columns = [ordered]@{ Status = { $args[0].StatusCode }; EventType = { $args[0].EventType }; Scheme = { $args[0].Scheme }; Uri = $null } }
    )
}

function Format-ShortDate($Date) { if ($null -ne $Date) { $Date.UtcDateTime.ToString('yyyy-MM-dd HH:mm') + 'Z' } }

function Get-RenderingWebhookJson {
    @(
        '{"eventId":"evt_1764621956000_a1b2c3d4e","eventType":"lead_database.search.completed","timestamp":"2026-12-01T20:45:56Z","workspaceId":"ws_sandbox","data":{"searchId":"srch_42","leadsFound":12345}}'
        '{"eventId":"evt_1764621957000_f5e6d7c8b","eventType":"reply.received","timestamp":"2026-12-01T20:46:00Z","data":{"leadId":"lead_8f3k2m1p","campaignId":"camp_9f8e7d6c5b4a39281706","reply":"Happy to talk — how about Tuesday at 10:00 CET? I will bring our Head of RevOps.","tags":["hot","emea"]}}'
    )
}

<# A rendered one-object table: the lines before the dashed rule (the header), each label with the span of its dashes, and the row's lines. #>
function ConvertFrom-RenderedTable([string] $Text) {
    $lines = @($Text -split "`r?`n" | Where-Object { $_.Trim() })
    $rule = [array]::FindIndex($lines, [Predicate[string]] { param($l) $l -match '^[- ]+$' })
    $columns = foreach ($dashes in [regex]::Matches($lines[$rule], '-+')) {
        [pscustomobject]@{ Label = $lines[$rule - 1].Substring($dashes.Index, $dashes.Length); Start = $dashes.Index; End = $dashes.Index + $dashes.Length }
    }
    [pscustomobject]@{ HeaderLines = @($lines[0..($rule - 1)]); Columns = @($columns); Row = @($lines[($rule + 1)..($lines.Count - 1)]) }
}

<# Whether $Line shows $Value whole in the column: starting where its label starts (left-aligned) or ending where it ends (right-aligned). #>
function Test-CellValue([string] $Line, $Column, [string] $Value) {
    $padded = " $Line "
    foreach ($at in $Column.Start, ($Column.End - $Value.Length)) {
        if ($at -lt 0 -or $at + $Value.Length -gt $Line.Length) { continue }
        if ($Line.Substring($at, $Value.Length) -eq $Value -and $padded[$at] -eq ' ' -and $padded[$at + $Value.Length + 1] -eq ' ') { return $true }
    }
    $false
}
