using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SendPilot.Client.Http;
using SendPilot.Client.Json;
using SendPilot.Client.Leads;
using SendPilot.Client.Models;
using SendPilot.Client.Paging;

namespace SendPilot.Client
{
    public sealed partial class SendPilotClient
    {
        /// <summary>The API's maximum page size for GET /leads.</summary>
        public const int LeadPageSize = 100;

        /// <summary>The leads of a campaign, page by page, with up to <paramref name="parallel"/> later pages fetched ahead.</summary>
        public PagedList<Lead> ListLeads(string campaignId, string? status, bool full, int parallel, int pageSize = LeadPageSize)
        {
            var filters = new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>("campaignId", campaignId.Trim()) };
            if (!string.IsNullOrWhiteSpace(status)) filters.Add(new KeyValuePair<string, string>("status", status!.Trim().ToUpperInvariant()));
            if (full) filters.Add(new KeyValuePair<string, string>("full", "true"));
            return ReadPages("/leads", filters, pageSize, JsonRead.Deserialize<Lead>, parallel);
        }

        public async Task<Lead> GetLeadAsync(string leadId, bool full, CancellationToken cancellationToken = default)
        {
            var request = new ApiRequest(HttpMethod.Get, "/leads/" + PathSegment(leadId));
            if (full) request.WithQuery("full", true);
            JsonElement body = await GetJsonAsync(request, cancellationToken).ConfigureAwait(false);
            // A lead's own "data" holds its custom fields; only an answer without an id is wrapped in data.
            return JsonRead.Deserialize<Lead>(Unwrap(body));
        }

        /// <summary>PATCH /leads/{id}/status; at least one of the two statuses must be given.</summary>
        public async Task<LeadStatusChange> SetLeadStatusAsync(string leadId, string? status, string? customLeadStatus, string? note,
            CancellationToken cancellationToken = default)
        {
            var body = new Dictionary<string, object>();
            // Statuses are upper case in the API; any value is passed on (the list grows), only its case is settled here.
            status = string.IsNullOrWhiteSpace(status) ? null : status!.Trim().ToUpperInvariant();
            customLeadStatus = string.IsNullOrWhiteSpace(customLeadStatus) ? null : customLeadStatus!.Trim().ToUpperInvariant();
            if (status != null) body["status"] = status;
            if (customLeadStatus != null) body["customLeadStatus"] = customLeadStatus;
            if (!string.IsNullOrEmpty(note)) body["note"] = note!;
            var request = new ApiRequest(new HttpMethod("PATCH"), "/leads/" + PathSegment(leadId) + "/status").WithBody(body);
            var change = await GetActionResultAsync<LeadStatusChange>(request, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(change.LeadId)) change.LeadId = leadId;
            change.Status ??= status;
            change.CustomLeadStatus ??= customLeadStatus;
            return change;
        }

        /// <summary>A streaming, batched upload to POST /leads; see <see cref="LeadUploader"/>.</summary>
        public LeadUploader UploadLeads(LeadUploadOptions options, ILeadUploadListener listener, CancellationToken cancellationToken = default) =>
            new LeadUploader(this, options, listener, cancellationToken);
    }
}
