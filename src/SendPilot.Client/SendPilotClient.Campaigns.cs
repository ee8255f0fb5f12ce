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

        /// <summary>Fails as GetCampaignAsync would, without turning the answer into a Campaign.</summary>
        public Task CheckCampaignAsync(string campaignId, CancellationToken cancellationToken = default) =>
            GetJsonAsync(new ApiRequest(HttpMethod.Get, "/campaigns/" + PathSegment(campaignId)), cancellationToken);

        /// <summary>
        /// Pauses or resumes a campaign (<paramref name="action"/> is "pause" or "resume"). After an answer that leaves the
        /// outcome unknown (5xx, timeout, dropped connection) the campaign is read again before anything else: if it already
        /// has the wanted state the change is reported as done; otherwise the change is tried again, as retries allow.
        /// </summary>
        public async Task<CampaignStateChange> ChangeCampaignStateAsync(string campaignId, string action, CancellationToken cancellationToken = default)
        {
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    return await SendCampaignStateChangeAsync(campaignId, action, cancellationToken).ConfigureAwait(false);
                }
                catch (SendPilotApiException unknown) when (unknown.Kind == ApiErrorKind.DeliveryUnknown)
                {
                    Campaign? now = await TryGetCampaignAsync(campaignId, cancellationToken).ConfigureAwait(false);
                    if (now != null && HasStateAfter(now, action)) return ConfirmedByReading(campaignId, action, now);
                    if (now == null || attempt > Connection.Retry.MaxRetries) throw;
                    WriteVerbose($"Campaign {campaignId} is still {now.Status} after an unknown outcome; trying to {action} it again.");
                    await Task.Delay(Connection.Retry.Backoff(attempt), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private async Task<CampaignStateChange> SendCampaignStateChangeAsync(string campaignId, string action, CancellationToken cancellationToken)
        {
            // At most once: a retry of a change that went through would be refused ("invalid state") although it worked.
            var request = new ApiRequest(new HttpMethod("PATCH"), "/campaigns/" + PathSegment(campaignId)) { Delivery = DeliveryMode.AtMostOnce }
                .WithBody(new Dictionary<string, object> { ["action"] = action });
            var change = await GetActionResultAsync<CampaignStateChange>(request, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(change.CampaignId)) change.CampaignId = campaignId;
            if (string.IsNullOrEmpty(change.Action)) change.Action = action;
            return change;
        }

        private async Task<Campaign?> TryGetCampaignAsync(string campaignId, CancellationToken cancellationToken)
        {
            try
            {
                return await GetCampaignAsync(campaignId, cancellationToken).ConfigureAwait(false);
            }
            catch (SendPilotApiException)
            {
                return null; // the unknown outcome is what gets reported
            }
        }

        private static bool HasStateAfter(Campaign campaign, string action)
        {
            string status = (campaign.Status ?? "").ToLowerInvariant();
            return action == "pause" ? status == "paused" : status == "started" || status == "active" || status == "running";
        }

        private static CampaignStateChange ConfirmedByReading(string campaignId, string action, Campaign campaign) => new CampaignStateChange
        {
            Success = true,
            CampaignId = campaignId,
            Action = action,
            NewStatus = campaign.Status,
            Message = $"The answer was lost, but the campaign now reads as {campaign.Status}.",
        };

        public async Task<AccountInfo> GetAccountAsync(CancellationToken cancellationToken = default) =>
            AccountInfo.Parse(await GetJsonAsync(new ApiRequest(HttpMethod.Get, "/me"), cancellationToken).ConfigureAwait(false));
    }
}
