using System;
using System.Management.Automation;

namespace SendPilot.PowerShell.Completers
{
    /// <summary>Completes a campaign id: every -CampaignId (and Get-SpCampaign -Id) carries this one attribute.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class CampaignIdCompletionAttribute : ArgumentCompleterAttribute
    {
        public CampaignIdCompletionAttribute() : base(typeof(CampaignIdCompleter)) { }
    }

    /// <summary>Completes a sender account id: every -SenderId carries this one attribute.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SenderIdCompletionAttribute : ArgumentCompleterAttribute
    {
        public SenderIdCompletionAttribute() : base(typeof(SenderIdCompleter)) { }
    }

    /// <summary>Completes a conversation id from the most recent conversations.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ConversationIdCompletionAttribute : ArgumentCompleterAttribute
    {
        public ConversationIdCompletionAttribute() : base(typeof(ConversationIdCompleter)) { }
    }
}
