using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SendPilot.Client;
using SendPilot.Client.Paging;

namespace SendPilot.PowerShell.Infrastructure
{
    /// <summary>
    /// The base of every cmdlet that calls the SendPilot API: it resolves the connection to use —
    /// -Connection, else this runspace's default (Connect-SpAccount), else the environment
    /// ($env:SENDPILOT_PROFILE, then $env:SENDPILOT_API_KEY) — and builds the client over it.
    /// </summary>
    public abstract class SendPilotCmdlet : SendPilotCancellableCmdlet
    {
        private SendPilotClient? _client;
        private SessionConnection? _session;

        /// <summary>
        /// The connection to use instead of the session's default: an object from Connect-SpAccount -PassThru or Get-SpContext.
        /// Lets one PowerShell session work with several workspaces; also settable for every command with $PSDefaultParameterValues['*-Sp*:Connection'].
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public SpContext? Connection { get; set; }

        /// <summary>The client over the resolved connection; terminates when there is none.</summary>
        protected SendPilotClient Client => _client ??= new SendPilotClient(ResolveConnection().Connection, Log);

        /// <summary>Names the workspace in -WhatIf and -Confirm text, e.g. "campaign camp_1 in workspace Acme (ws_acme)".</summary>
        protected string InWorkspace(string target) => target + " in " + Workspace;

        /// <summary>"workspace Acme (ws_acme)": the resolved connection's workspace, for messages.</summary>
        protected string Workspace => ResolveConnection().WorkspaceLabel;

        /// <summary>Streams a paged list item by item, fetching each page only when the previous one is written.</summary>
        protected IEnumerable<T> Stream<T>(PagedList<T> list)
        {
            using (list)
            {
                IReadOnlyList<T>? page;
                while ((page = Await(list.NextAsync(CancelToken))) != null)
                    foreach (T item in page) yield return item;
            }
        }

        /// <summary>
        /// <see cref="Stream"/> with the items <paramref name="keep"/> accepts, then -Skip/-First/-IncludeTotalCount; no page
        /// beyond -First is requested (unless items are filtered here, when the API's total and page budget do not apply).
        /// </summary>
        protected IEnumerable<T> StreamPaged<T>(PagedList<T> list, Func<T, bool>? keep = null)
        {
            PagingParameters? paging = PagingParameters;
            IEnumerable<T> items = keep == null ? Stream(list) : Stream(list).Where(keep);
            if (paging == null) return items;
            if (keep == null) list.MaxItems = ListPaging.Budget(paging);
            Action? total = paging.IncludeTotalCount
                ? () => WriteObject(ListPaging.TotalCount(paging, keep == null ? list.FirstPage : null))
                : (Action?)null;
            return ListPaging.Window(items, paging, total);
        }

        internal SessionConnection ResolveConnection() => _session ??= Open(Connection?.Session ?? SessionOrEnvironment());

        private SessionConnection? SessionOrEnvironment()
        {
            try
            {
                return ConnectionStore.CurrentOrEnvironment(SessionState);
            }
            catch (ArgumentException badSetting)
            {
                throw new TerminatingCmdletError(ErrorRecords.Invalid(badSetting.Message, "SendPilot.InvalidConnectionSetting", null));
            }
        }

        private static SessionConnection Open(SessionConnection? session)
        {
            if (session == null) throw new TerminatingCmdletError(ErrorRecords.NoApiKey());
            if (session.Closed)
                throw new TerminatingCmdletError(new ErrorRecord(new ObjectDisposedException(nameof(Connection),
                        $"The connection to {session.WorkspaceLabel} was ended by Disconnect-SpAccount; connect again with Connect-SpAccount -PassThru and pass the new object to -Connection."),
                    "SendPilot.ConnectionClosed", ErrorCategory.ResourceUnavailable, session.HandOut()));
            return session;
        }
    }
}
