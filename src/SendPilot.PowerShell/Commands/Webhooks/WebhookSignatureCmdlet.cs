using System.Management.Automation;
using System.Security;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Webhooks
{
    /// <summary>What the cmdlets that verify webhook signatures share: the endpoint's signing secret and the timestamp tolerance.</summary>
    public abstract class WebhookSignatureCmdlet : SendPilotCancellableCmdlet
    {
        /// <summary>The endpoint's signing secret, as a SecureString or plain string (whsec_… for the Svix and Standard Webhooks schemes).</summary>
        [Parameter]
        [SecureStringTransformation]
        public virtual SecureString? Secret { get; set; }

        /// <summary>How far (in seconds) a signature's timestamp may be from now. Default 300; 0 skips the check.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int ToleranceSeconds { get; set; } = 300;
    }
}
