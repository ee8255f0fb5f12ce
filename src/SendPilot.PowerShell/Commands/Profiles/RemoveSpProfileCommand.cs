using System.Management.Automation;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Profiles
{
    /// <summary>Deletes saved connection profiles, key included.</summary>
    /// <remarks>Connections already made from the profile keep working until they end. The key stays valid in SendPilot; revoke it
    /// there (Integrations → API Keys) if it should stop working everywhere.</remarks>
    /// <example>
    /// <code>Remove-SpProfile -ProfileName acme</code>
    /// <para>Deletes the profile "acme".</para>
    /// </example>
    /// <example>
    /// <code>Get-SpProfile 'test-*' | Remove-SpProfile -WhatIf</code>
    /// <para>Shows which profiles whose names start with test- would be deleted.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "SpProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.SavedProfiles)]
    [OutputType(typeof(void))]
    public sealed class RemoveSpProfileCommand : SendPilotCancellableCmdlet
    {
        /// <summary>Names of the profiles to delete. Binds from the pipeline by property name (ProfileName or Name), so Get-SpProfile output pipes in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        public string[] ProfileName { get; set; } = new string[0];

        protected override void ProcessItem()
        {
            foreach (string name in ProfileName)
            {
                string path = ProfileStore.PathOf(name);
                if (!ShouldProcess($"SendPilot profile {name} ({path})", "Remove")) continue;
                if (ProfileStore.Remove(name)) WriteVerbose($"Removed the profile '{name}'.");
                else WriteError(new ErrorRecord(new ItemNotFoundException($"There is no saved SendPilot profile '{name}' in {ProfileStore.ProfilesFolder}; see the saved ones with Get-SpProfile."),
                    "SendPilot.ProfileNotFound", ErrorCategory.ObjectNotFound, name));
            }
        }
    }
}
