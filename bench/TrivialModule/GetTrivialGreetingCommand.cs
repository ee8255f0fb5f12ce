using System.Management.Automation;

namespace TrivialModule
{
    /// <summary>Writes one greeting; exists only to be imported.</summary>
    [Cmdlet(VerbsCommon.Get, "TrivialGreeting")]
    public sealed class GetTrivialGreetingCommand : PSCmdlet
    {
        protected override void ProcessRecord() => WriteObject("hello");
    }
}
