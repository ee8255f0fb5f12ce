using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SendPilot.Client.Http;
using SendPilot.Client.Json;
using SendPilot.Client.Models;
using SendPilot.Client.Paging;

namespace SendPilot.Client
{
    public sealed partial class SendPilotClient
    {
        public const int CampaignPageSize = 100;

        /// <summary>
        /// Every campaign with the given list status (all, active, paused, draft, finished; see <see cref="CampaignStatusFilter"/>
        /// for the displayed ones), page by page. A status the list cannot filter by lists all: match with CampaignStatusFilter.
        /// </summary>
        public PagedList<Campaign> ListCampaigns(string? status, int pageSize = CampaignPageSize)
        {
            var filters = new List<KeyValuePair<string, string>>();
            if (!string.IsNullOrEmpty(status)) filters.Add(new KeyValuePair<string, string>("status", CampaignStatusFilter.ToApiFilter(status!)));
            return ReadPages("/campaigns", filters, pageSize, JsonRead.Deserialize<Campaign>);
        }

        public async Task<Campaign> GetCampaignAsync(string campaignId, CancellationToken cancellationToken = default)
        {
            var body = await GetJsonAsync(new ApiRequest(HttpMethod.Get, "/campaigns/" + PathSegment(campaignId)), cancellationToken).ConfigureAwait(false);
            return JsonRead.Deserialize<Campaign>(Unwrap(body));
        }

        /// <summary>Pauses or resumes a campaign (<paramref name="action"/> is "pause" or "resume").</summary>
        public async Task<CampaignStateChange> ChangeCampaignStateAsync(string campaignId, string action, CancellationToken cancellationToken = default)
        {
            var request = new ApiRequest(new HttpMethod("PATCH"), "/campaigns/" + PathSegment(campaignId))
                .WithBody(new Dictionary<string, object> { ["action"] = action });
            var change = await GetActionResultAsync<CampaignStateChange>(request, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(change.CampaignId)) change.CampaignId = campaignId;
            if (string.IsNullOrEmpty(change.Action)) change.Action = action;
            return change;
        }

        public async Task<AccountInfo> GetAccountAsync(CancellationToken cancellationToken = default) =>
            AccountInfo.Parse(await GetJsonAsync(new ApiRequest(HttpMethod.Get, "/me"), cancellationToken).ConfigureAwait(false));
    }
}
