using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace SendPilot.HelpGen;

/// <summary>
/// Usage: SendPilot.HelpGen &lt;module directory&gt; &lt;SendPilot.PowerShell.xml&gt;.
/// Imports the built module into a real engine, reads each exported cmdlet's parameters from it and
/// its prose from the XML doc comments, and writes en-US/SendPilot.PowerShell.dll-Help.xml.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: SendPilot.HelpGen <module directory> <SendPilot.PowerShell.xml>");
            return 2;
        }
        string moduleDirectory = Path.GetFullPath(args[0]);
        var docs = new DocComments(args[1]);
        var cmdlets = ExportedCmdlets(Path.Combine(moduleDirectory, "SendPilot.psd1"));

        var writer = new MamlWriter(docs);
        var maml = writer.Write(cmdlets);
        string helpDirectory = Path.Combine(moduleDirectory, "en-US");
        Directory.CreateDirectory(helpDirectory);
        maml.Save(Path.Combine(helpDirectory, "SendPilot.PowerShell.dll-Help.xml"));

        foreach (string problem in writer.Problems) Console.WriteLine("warning SPHELP: " + problem);
        Console.WriteLine($"SendPilot help -> {helpDirectory} ({cmdlets.Count} cmdlets)");
        return 0;
    }

    private static List<CmdletInfo> ExportedCmdlets(string manifest)
    {
        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using var shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddScript($"Import-Module '{manifest}' -ErrorAction Stop; Get-Command -Module SendPilot -CommandType Cmdlet");
        var cmdlets = shell.Invoke().Select(o => (CmdletInfo)o.BaseObject).ToList();
        if (shell.HadErrors) throw new InvalidOperationException(string.Join("; ", shell.Streams.Error));
        return cmdlets;
    }
}
