using System.Management.Automation;
using System.Reflection;
using SendPilot.PowerShell.Tests.Infrastructure;
using Xunit;

namespace SendPilot.PowerShell.Tests;

/// <summary>What a PowerShell user expects of every cmdlet, checked over the whole export list.</summary>
public class ConventionTests
{
    // Verbs that only read or that manage the local session: everything else changes SendPilot and must offer -WhatIf.
    // Wait only polls a job's status.
    private static readonly HashSet<string> ReadOnlyVerbs = new(StringComparer.OrdinalIgnoreCase)
        { "Get", "Test", "ConvertFrom", "Receive", "Connect", "Disconnect", "Wait" };

    private static IEnumerable<string> ApprovedVerbs() =>
        new[] { typeof(VerbsCommon), typeof(VerbsCommunications), typeof(VerbsData), typeof(VerbsDiagnostic), typeof(VerbsLifecycle), typeof(VerbsOther), typeof(VerbsSecurity) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)).Select(f => (string)f.GetValue(null)!);

    [Fact]
    public void Every_cmdlet_uses_an_approved_verb_declares_its_output_and_writes_support_whatif()
    {
        using var session = new PsSession();
        var commands = session.Run("Get-Command -Module SendPilot").ThrowIfFailed().Output.Select(o => (CmdletInfo)o.BaseObject).ToList();
        var approved = ApprovedVerbs().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var command in commands)
        {
            if (!approved.Contains(command.Verb)) problems.Add($"{command.Name}: verb not approved");
            if (!command.Noun.StartsWith("Sp")) problems.Add($"{command.Name}: noun lacks the Sp prefix");
            if (command.OutputType.Count == 0) problems.Add($"{command.Name}: no [OutputType]");
            if (!ReadOnlyVerbs.Contains(command.Verb) && !command.Parameters.ContainsKey("WhatIf")) problems.Add($"{command.Name}: no -WhatIf");
        }
        Assert.Empty(problems);
    }

    // -SenderId on the send cmdlets names the pool of senders for the whole command, not a property of each row.
    private static readonly HashSet<string> CommandLevelIds = new() { "Send-SpMessage -SenderId", "Request-SpConnection -SenderId" };

    [Fact]
    public void Id_parameters_bind_from_the_pipeline_by_property_name()
    {
        using var session = new PsSession();
        var commands = session.Run("Get-Command -Module SendPilot").ThrowIfFailed().Output.Select(o => (CmdletInfo)o.BaseObject).ToList();
        var problems = new List<string>();
        foreach (var command in commands)
            foreach (var parameter in command.Parameters.Values.Where(p => p.Name.EndsWith("Id") && p.Name != "EventId"))
                if (!CommandLevelIds.Contains($"{command.Name} -{parameter.Name}")
                    && !parameter.Attributes.OfType<ParameterAttribute>().Any(a => a.ValueFromPipelineByPropertyName))
                    problems.Add($"{command.Name} -{parameter.Name}");
        Assert.Empty(problems);
    }

    [Fact]
    public void The_built_manifest_passes_Test_ModuleManifest()
    {
        using var session = new PsSession();
        var result = session.Run($"Test-ModuleManifest '{ModulePaths.Manifest}' | ForEach-Object {{ $_.Version.ToString(); $_.ExportedCmdlets.Count }}").ThrowIfFailed();
        Assert.Equal(2, result.Output.Count);
        Assert.True((int)result.Output[1].BaseObject > 0);
    }
}
