using System;

namespace SendPilot.Client.Models
{
    /// <summary>
    /// The workspace's credits (<c>GET /credits</c>): current shape <c>{available,subscription,purchased,used,nextResetDate}</c>,
    /// old shape <c>{globalCredits{…}, leadDatabase{available,used,limit}}</c>.
    /// </summary>
    public sealed class CreditBalance : ApiObject
    {
        public long? Available { get; set; }
        public long? Subscription { get; set; }
        public long? Purchased { get; set; }
        public long? Used { get; set; }
        public DateTimeOffset? NextResetDate { get; set; }

        /// <summary>Lead-database credits, only in the old answer.</summary>
        public long? LeadDatabaseAvailable { get; set; }
        public long? LeadDatabaseUsed { get; set; }
        public long? LeadDatabaseLimit { get; set; }

        public override string ToString() => Available?.ToString() ?? "";
    }
}
