using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SendPilot.Client.Http;
using SendPilot.Client.Json;
using SendPilot.Client.LeadSourcing;
using SendPilot.Client.Models;
using SendPilot.Client.Paging;

namespace SendPilot.Client
{
    public sealed partial class SendPilotClient
    {
        /// <summary>The API's default page size for the filter catalog and filter values.</summary>
        public const int LeadFilterPageSize = 50;

        /// <summary>The API's maximum page size for search and extraction results.</summary>
        public const int LeadResultPageSize = 100;

        /// <summary>The filter catalog of the lead database, all pages.</summary>
        public PagedList<LeadSearchFilter> ListLeadSearchFilters(int parallel = 2) =>
            ReadLeadSourcingPages("/lead-database/filters", "filters", new List<KeyValuePair<string, string>>(), LeadFilterPageSize, parallel,
                LeadSourcingJson.Filter, skip: 0, maxItems: null, what: "filters");

        /// <summary>The allowed values of one filter, optionally only those matching <paramref name="search"/>, all pages.</summary>
        public PagedList<LeadSearchFilterValue> ListLeadSearchFilterValues(string filter, string? search, int parallel = 2)
        {
            var query = new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>("filter", filter.Trim()) };
            if (!string.IsNullOrWhiteSpace(search)) query.Add(new KeyValuePair<string, string>("search", search!.Trim()));
            return ReadLeadSourcingPages("/lead-database/filters", "values", query, LeadFilterPageSize, parallel,
                value => LeadSourcingJson.FilterValue(filter.Trim(), value), skip: 0, maxItems: null, what: $"values of filter {filter}");
        }

        /// <summary>Starts a search of the lead database; it spends credits, so an uncertain attempt is not repeated.</summary>
        public Task<LeadSearchJob> StartLeadSearchAsync(LeadSearchRequest search, CancellationToken cancellationToken = default)
        {
            var body = new Dictionary<string, object?> { ["name"] = search.Name, ["limit"] = search.Limit, ["filters"] = search.Filters };
            if (search.WebhookUrl != null) body["webhook_url"] = search.WebhookUrl.AbsoluteUri;
            return StartJobAsync<LeadSearchJob>("/lead-database/searches", body, search.Name, cancellationToken);
        }

        public async Task<LeadSearchJob> GetLeadSearchAsync(string searchId, CancellationToken cancellationToken = default) =>
            JsonRead.Deserialize<LeadSearchJob>(Unwrap(await GetJsonAsync(
                new ApiRequest(HttpMethod.Get, "/lead-database/searches/" + PathSegment(searchId) + "/status"), cancellationToken).ConfigureAwait(false)));

        /// <summary>A completed search's people, page by page with pages fetched ahead; see <see cref="LeadResultWindow"/>.</summary>
        public PagedList<LeadSearchResult> ReadLeadSearchResults(string searchId, LeadResultWindow window, int parallel) =>
            ReadResults("/lead-database/searches/" + PathSegment(searchId) + "/results", new List<KeyValuePair<string, string>>(),
                window, parallel, $"search {searchId}");

        /// <summary>Starts an extraction from LinkedIn or Sales Navigator search URLs; it spends credits, so an uncertain attempt is not repeated.</summary>
        public Task<LeadExtractionJob> StartLeadExtractionAsync(LeadExtractionRequest extraction, CancellationToken cancellationToken = default)
        {
            var body = new Dictionary<string, object?>
            {
                ["name"] = extraction.Name, ["url_type"] = extraction.UrlType, ["urls"] = extraction.Urls,
                ["mode"] = extraction.Mode, ["limit"] = extraction.Limit,
            };
            if (extraction.WebhookUrl != null) body["webhook_url"] = extraction.WebhookUrl.AbsoluteUri;
            return StartJobAsync<LeadExtractionJob>("/lead-extractor/campaigns", body, extraction.Name, cancellationToken);
        }

        public async Task<LeadExtractionJob> GetLeadExtractionAsync(string extractionId, CancellationToken cancellationToken = default) =>
            JsonRead.Deserialize<LeadExtractionJob>(Unwrap(await GetJsonAsync(
                new ApiRequest(HttpMethod.Get, "/lead-extractor/campaigns/" + PathSegment(extractionId) + "/status"), cancellationToken).ConfigureAwait(false)));

        /// <summary>A finished extraction's people, page by page with pages fetched ahead; optionally only the enriched ones.</summary>
        public PagedList<LeadSearchResult> ReadLeadExtractionResults(string extractionId, bool enrichedOnly, LeadResultWindow window, int parallel)
        {
            var query = new List<KeyValuePair<string, string>>();
            if (enrichedOnly) query.Add(new KeyValuePair<string, string>("enriched_only", "true"));
            return ReadResults("/lead-extractor/campaigns/" + PathSegment(extractionId) + "/results", query, window, parallel, $"extraction {extractionId}");
        }

        private async Task<TJob> StartJobAsync<TJob>(string path, Dictionary<string, object?> body, string name, CancellationToken cancellationToken)
            where TJob : LeadSourcingJob
        {
            var request = new ApiRequest(HttpMethod.Post, path).WithBody(body);
            request.Delivery = DeliveryMode.AtMostOnce;
            var job = JsonRead.Deserialize<TJob>(Unwrap(await GetJsonAsync(request, cancellationToken).ConfigureAwait(false)));
            job.Name ??= name;
            job.Status ??= LeadSourcingJob.Pending;
            return job;
        }

        private PagedList<LeadSearchResult> ReadResults(string path, List<KeyValuePair<string, string>> query, LeadResultWindow window,
            int parallel, string what)
        {
            int pageSize = window.First is long first && first < LeadResultPageSize ? (int)Math.Max(1, first) : LeadResultPageSize;
            return ReadLeadSourcingPages(path, "leads", query, pageSize, parallel, JsonRead.Deserialize<LeadSearchResult>, window.Skip, window.First, what);
        }

        /// <summary>
        /// Offset paging (<c>offset</c>, <c>limit</c> → <c>total</c>, <c>has_more</c>) with look-ahead: a page starts at skip plus its
        /// cursor's offset. A page the API's offset ceiling puts out of reach fails, in order, with <see cref="OffsetCeilingException"/>.
        /// </summary>
        private PagedList<T> ReadLeadSourcingPages<T>(string path, string itemsName, List<KeyValuePair<string, string>> query, int pageSize,
            int parallel, Func<JsonElement, T> map, long skip, long? maxItems, string what)
        {
            return new PagedList<T>(PagingStyle.Offset, pageSize,
                async (cursor, cancellationToken) =>
                {
                    long offset = skip + cursor.Offset;
                    if (offset > OffsetCeilingException.MaxOffset) throw new OffsetCeilingException(what, offset);
                    var request = new ApiRequest(HttpMethod.Get, path);
                    request.Query.AddRange(query);
                    request.WithQuery("limit", pageSize).WithQuery("offset", offset);
                    return ApiPage.Parse(await GetListJsonAsync(request, cancellationToken).ConfigureAwait(false), itemsName);
                },
                map, lookAhead: parallel) { MaxItems = maxItems };
        }
    }
}
