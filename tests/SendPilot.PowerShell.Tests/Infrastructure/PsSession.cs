using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using SendPilot.Sandbox;

namespace SendPilot.PowerShell.Tests.Infrastructure;

/// <summary>
/// A real PowerShell runspace in this process with the built module imported — the engine a user
/// runs, minus the host UI. Scripts run exactly as typed at a prompt.
/// </summary>
public sealed class PsSession : IDisposable
{
    private readonly Runspace _runspace;

    /// <param name="host">A host to capture what PowerShell writes to the console (e.g. -WhatIf lines); default none.</param>
    public PsSession(System.Management.Automation.Host.PSHost? host = null)
    {
        var state = InitialSessionState.CreateDefault2();
        _runspace = host == null ? RunspaceFactory.CreateRunspace(state) : RunspaceFactory.CreateRunspace(host, state);
        _runspace.Open();
        Run($"Import-Module '{ModulePaths.Manifest}' -ErrorAction Stop").ThrowIfFailed();
    }

    /// <summary>A session already connected to the sandbox with its main key.</summary>
    public static PsSession ConnectedTo(SandboxServer sandbox, string extraArguments = "", System.Management.Automation.Host.PSHost? host = null)
    {
        var session = new PsSession(host);
        session.Run($"Connect-SpAccount -ApiKey $key -BaseUri '{sandbox.BaseUri}' {extraArguments}",
            new Hashtable { ["key"] = sandbox.ApiKey }).ThrowIfFailed();
        return session;
    }

    public PsResult Run(string script, IDictionary? variables = null)
    {
        using var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = _runspace;
        if (variables != null)
            foreach (DictionaryEntry entry in variables)
                _runspace.SessionStateProxy.SetVariable((string)entry.Key, entry.Value);
        shell.AddScript(script);
        var result = new PsResult();
        try
        {
            result.Output.AddRange(shell.Invoke());
        }
        catch (RuntimeException terminating)
        {
            result.Terminating = terminating;
        }
        result.Collect(shell.Streams);
        return result;
    }

    /// <summary>
    /// Runs a script that must end with a terminating error (which try/catch sees; a non-terminating
    /// error would not be caught) and returns that error.
    /// </summary>
    public ErrorRecord Terminates(string script, IDictionary? variables = null)
    {
        var result = Run("try { " + script + "\n} catch { [pscustomobject]@{ Caught = $_ } }", variables);
        var caught = result.Output.Select(o => o.P("Caught")).OfType<ErrorRecord>().FirstOrDefault();
        return caught ?? throw new Xunit.Sdk.XunitException("Expected a terminating error; got output [" +
            string.Join(", ", result.Output) + "] and errors [" + string.Join(" | ", result.Errors) + "]");
    }

    /// <summary>Starts a script without waiting, for Ctrl+C tests.</summary>
    public (System.Management.Automation.PowerShell Shell, IAsyncResult Pending) Start(string script)
    {
        var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script);
        return (shell, shell.BeginInvoke());
    }

    /// <summary>For tests that run their own PowerShell instance here (e.g. to collect output while it is written).</summary>
    public Runspace Runspace => _runspace;

    public void SetVariable(string name, object? value) => _runspace.SessionStateProxy.SetVariable(name, value);

    public void Dispose() => _runspace.Dispose();
}

public sealed class PsResult
{
    public List<PSObject> Output { get; } = new();
    public List<ErrorRecord> Errors { get; } = new();
    public List<string> Verbose { get; } = new();
    public List<string> Debug { get; } = new();
    public List<string> Warnings { get; } = new();
    public List<ProgressRecord> Progress { get; } = new();
    public RuntimeException? Terminating { get; set; }

    public ErrorRecord? TerminatingRecord => Terminating?.ErrorRecord;

    internal void Collect(PSDataStreams streams)
    {
        Errors.AddRange(streams.Error);
        Verbose.AddRange(streams.Verbose.Select(v => v.Message));
        Debug.AddRange(streams.Debug.Select(d => d.Message));
        Warnings.AddRange(streams.Warning.Select(w => w.Message));
        Progress.AddRange(streams.Progress);
    }

    public PsResult ThrowIfFailed()
    {
        if (Terminating != null) throw new InvalidOperationException("Script failed: " + Terminating.Message, Terminating);
        if (Errors.Count > 0) throw new InvalidOperationException("Script wrote errors: " + string.Join(" | ", Errors.Select(e => e.ToString())));
        return this;
    }

    /// <summary>Everything a user could see, as text: every stream, every error, every output object.</summary>
    public string AllText()
    {
        var text = new System.Text.StringBuilder();
        foreach (var o in Output) text.AppendLine(o?.ToString()).AppendLine(string.Join(";", o?.Properties.Select(p => $"{p.Name}={p.Value}") ?? []));
        foreach (var e in Errors.Concat(TerminatingRecord == null ? [] : new[] { TerminatingRecord }))
        {
            text.AppendLine(e.ToString()).AppendLine(e.ErrorDetails?.Message).AppendLine(e.ErrorDetails?.RecommendedAction)
                .AppendLine(e.Exception.ToString()).AppendLine(e.TargetObject?.ToString()).AppendLine(e.ScriptStackTrace);
        }
        if (Terminating != null) text.AppendLine(Terminating.ToString());
        foreach (var line in Verbose.Concat(Debug).Concat(Warnings)) text.AppendLine(line);
        foreach (var p in Progress) text.AppendLine(p.Activity + " " + p.StatusDescription + " " + p.CurrentOperation);
        return text.ToString();
    }
}

public static class PSObjectExtensions
{
    /// <summary>A property's value, as PowerShell sees it (typed, note or script property).</summary>
    public static object? P(this PSObject item, string name) => item.Properties[name]?.Value;
}
