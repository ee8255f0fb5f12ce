using System.Collections.Generic;

namespace SendPilot.Client.Models
{
    /// <summary>
    /// A lead-shaped object of the module's own (a campaign lead, a lead-database or extractor result)
    /// that Add-SpLead copies into a campaign through its typed path instead of reading it as a row.
    /// </summary>
    public interface ILeadSource
    {
        /// <summary>The LinkedIn profile URL, as the object holds it.</summary>
        string? LinkedinUrl { get; }

        /// <summary>
        /// What a copy sends besides linkedinUrl: known lead fields under the API's names (firstName,
        /// lastName, company, title, email, …) and then custom fields, as flat values. Never the object's
        /// own id, status, timestamps or the container of its custom fields.
        /// </summary>
        IEnumerable<KeyValuePair<string, object?>> GetLeadFields();
    }
}
