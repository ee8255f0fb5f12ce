using System;
using System.Threading;
using System.Threading.Tasks;
using SendPilot.Client;
using SendPilot.Client.Models;

namespace SendPilot.PowerShell.Commands.LeadSourcing
{
    /// <summary>What differs between lead-database searches and lead-extractor jobs: their names and how to read one.</summary>
    internal sealed class LeadJobKind<TJob> where TJob : LeadSourcingJob
    {
        public LeadJobKind(string noun, string commandNoun, Func<SendPilotClient, string, CancellationToken, Task<TJob>> get)
        {
            Noun = noun;
            CommandNoun = commandNoun;
            Get = get;
        }

        /// <summary>"lead search" or "lead extraction", as error messages name the job.</summary>
        public string Noun { get; }

        /// <summary>SpLeadSearch or SpLeadExtraction.</summary>
        public string CommandNoun { get; }

        public Func<SendPilotClient, string, CancellationToken, Task<TJob>> Get { get; }

        /// <summary>"Lead search" for the start of a sentence.</summary>
        public string Title => char.ToUpperInvariant(Noun[0]) + Noun.Substring(1);

        /// <summary>"srch_0001 ('CTOs Berlin')", or the id alone.</summary>
        public static string Named(string id, TJob? job) =>
            string.IsNullOrEmpty(job?.Name) ? id : $"{id} ('{job!.Name}')";
    }

    internal static class LeadJobKinds
    {
        public static readonly LeadJobKind<LeadSearchJob> Search =
            new LeadJobKind<LeadSearchJob>("lead search", "SpLeadSearch", (client, id, token) => client.GetLeadSearchAsync(id, token));

        public static readonly LeadJobKind<LeadExtractionJob> Extraction =
            new LeadJobKind<LeadExtractionJob>("lead extraction", "SpLeadExtraction", (client, id, token) => client.GetLeadExtractionAsync(id, token));
    }
}
