using System;
using System.Collections.Generic;
using System.Management.Automation;
using SendPilot.Client;
using SendPilot.Client.Models;
using SendPilot.Client.Paging;
using SendPilot.PowerShell.Completers;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.LeadSourcing
{
    /// <summary>Lists the lead database's filters, or the allowed values of one filter.</summary>
    /// <remarks>
    /// <para>Without -Name, lists the filter catalog (GET /lead-database/filters): the names are the keys of
    /// Start-SpLeadSearch -Filter. With -Name, lists every allowed value of that filter, all pages; -Search asks SendPilot for the
    /// values that contain the text (without -Name it narrows the catalog by name). Reading filters uses no credits.</para>
    /// <para>-Name completes filter names from the catalog. An unknown filter is a non-terminating error.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-SpLeadSearchFilter</code>
    /// <para>The filters a search can use.</para>
    /// </example>
    /// <example>
    /// <code>Get-SpLeadSearchFilter -Name locations -Search ber</code>
    /// <para>The locations that contain "ber" (Berlin, Bern, …).</para>
    /// </example>
    /// <example>
    /// <code>Get-SpLeadSearchFilter company_sizes</code>
    /// <para>The company size codes 1-9 and what each means.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SpLeadSearchFilter", HelpUri = HelpLinks.FindLeads)]
    [OutputType(typeof(LeadSearchFilter), typeof(LeadSearchFilterValue))]
    public sealed class GetSpLeadSearchFilterCommand : SendPilotCmdlet
    {
        /// <summary>The filter whose allowed values to list (e.g. locations, seniority_levels, company_sizes). Completes from the catalog.</summary>
        [Parameter(Position = 0)]
        [ArgumentCompleter(typeof(LeadSearchFilterCompleter))]
        public string? Name { get; set; }

        /// <summary>With -Name: only values containing this text (SendPilot searches). Without -Name: only filters whose name contains it.</summary>
        [Parameter]
        public string? Search { get; set; }

        protected override void ProcessItem()
        {
            if (string.IsNullOrWhiteSpace(Name))
            {
                foreach (LeadSearchFilter filter in Read(Client.ListLeadSearchFilters()))
                    if (string.IsNullOrEmpty(Search) || filter.Name.IndexOf(Search!, StringComparison.OrdinalIgnoreCase) >= 0) WriteModel(filter);
                return;
            }
            try
            {
                foreach (LeadSearchFilterValue value in Read(Client.ListLeadSearchFilterValues(Name!, Search))) WriteModel(value);
            }
            catch (SendPilotApiException unknown) when (unknown.Kind == ApiErrorKind.InvalidRequest)
            {
                WriteError(ErrorRecords.Described(unknown, "SendPilot.LeadSearchFilterUnknown", ErrorRecords.CategoryOf(unknown), Name,
                    $"SendPilot refused filter '{Name}' ({unknown.ApiMessage}); list the filters with Get-SpLeadSearchFilter and use one of their names."));
            }
        }

        private IEnumerable<T> Read<T>(PagedList<T> pages)
        {
            using (pages)
            {
                IReadOnlyList<T>? page;
                while ((page = Await(pages.NextAsync(CancelToken))) != null)
                    foreach (T item in page) yield return item;
            }
        }
    }
}
