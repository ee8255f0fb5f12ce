@{
    RootModule             = 'SendPilot.PowerShell.dll'
    ModuleVersion          = '0.1.0'
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = '5b0f7c1e-3a4d-4f0e-9c59-8d2b6c1a7e42'
    Author                 = 'SendPilot PowerShell contributors'
    CompanyName            = 'Community'
    Copyright              = '(c) SendPilot PowerShell contributors. MIT License.'
    Description            = 'Drive SendPilot LinkedIn outreach from PowerShell: campaigns, batched lead uploads with exact row accounting, messages and connection requests that are never sent twice, sender quotas, inbox and webhooks.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('SendPilot.Format.ps1xml')
    FunctionsToExport      = @()
    CmdletsToExport        = @(
        'Add-SpLead'
        'Connect-SpAccount'
        'ConvertFrom-SpWebhookEvent'
        'Disconnect-SpAccount'
        'Get-SpCampaign'
        'Get-SpContext'
        'Get-SpConversation'
        'Get-SpCredit'
        'Get-SpLead'
        'Get-SpLeadExtraction'
        'Get-SpLeadExtractionResult'
        'Get-SpLeadSearch'
        'Get-SpLeadSearchFilter'
        'Get-SpLeadSearchResult'
        'Get-SpMessage'
        'Get-SpProfile'
        'Get-SpSender'
        'Get-SpSenderQuota'
        'Get-SpSendLog'
        'Invoke-SpApi'
        'Receive-SpWebhookEvent'
        'Remove-SpProfile'
        'Request-SpConnection'
        'Resume-SpCampaign'
        'Send-SpMessage'
        'Send-SpTestWebhook'
        'Set-SpSendLog'
        'Set-SpLeadStatus'
        'Start-SpLeadExtraction'
        'Start-SpLeadSearch'
        'Suspend-SpCampaign'
        'Test-SpWebhookSignature'
        'Wait-SpLeadExtraction'
        'Wait-SpLeadSearch'
    )
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('SendPilot', 'LinkedIn', 'Outreach', 'Sales', 'Leads', 'Campaigns', 'Webhooks', 'API', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/sendpilot-powershell/SendPilot.PowerShell'
            LicenseUri   = 'https://github.com/sendpilot-powershell/SendPilot.PowerShell/blob/main/LICENSE'
            ReleaseNotes = 'See CHANGELOG.md.'
        }
    }
}
