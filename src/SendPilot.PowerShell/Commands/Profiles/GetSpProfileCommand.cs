using System.Linq;
using System.Management.Automation;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Profiles
{
    /// <summary>Lists the connection profiles saved with Connect-SpAccount -Save.</summary>
    /// <remarks>
    /// <para>Profiles live in $env:SENDPILOT_CONFIG_PATH when set, else in %APPDATA%\SendPilot (Windows) or $XDG_CONFIG_HOME/sendpilot,
    /// ~/.config/sendpilot (Linux, macOS), one file each under profiles/. Only the key's last four characters are shown; KeyProtection
    /// says how the key is kept: DPAPI (encrypted for the current Windows user) or UserOnlyFile (a file with mode 0600).</para>
    /// </remarks>
    /// <example>
    /// <code>Get-SpProfile</code>
    /// <para>Shows every saved profile: name, workspace, the key's last four characters, its protection and base URI.</para>
    /// </example>
    /// <example>
    /// <code>Get-SpProfile -ProfileName acme | Format-List *</code>
    /// <para>Shows everything saved in the profile "acme", including its file.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SpProfile", HelpUri = HelpLinks.SavedProfiles)]
    [OutputType(typeof(SpProfile))]
    public sealed class GetSpProfileCommand : SendPilotCancellableCmdlet
    {
        /// <summary>Names of the profiles to show (wildcards allowed); default all.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? ProfileName { get; set; }

        protected override void ProcessItem()
        {
            if (ProfileName == null)
            {
                foreach (SavedProfile saved in ProfileStore.List()) WriteObject(saved.ToOutput());
                return;
            }
            foreach (string name in ProfileName) Write(name);
        }

        private void Write(string name)
        {
            if (WildcardPattern.ContainsWildcardCharacters(name))
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                foreach (SavedProfile saved in ProfileStore.List().Where(p => pattern.IsMatch(p.Data.Name))) WriteObject(saved.ToOutput());
                return;
            }
            try
            {
                WriteObject(ProfileStore.Load(name, "-ProfileName").ToOutput());
            }
            catch (TerminatingCmdletError missing)
            {
                WriteError(missing.Record); // one missing name does not hide the others
            }
        }
    }
}
