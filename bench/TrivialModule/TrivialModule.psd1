@{
    RootModule        = 'TrivialModule.dll'
    ModuleVersion     = '1.0.0'
    GUID              = '0d4b7f54-7d1e-4a83-9b5e-2f3c1a9e6b10'
    FunctionsToExport = @()
    CmdletsToExport   = @('Get-TrivialGreeting')
    VariablesToExport = @()
    AliasesToExport   = @()
}
