using System.Collections;
using System.Management.Automation;
using System.Net.Http;
using System.Text.Json;
using SendPilot.Client.Http;
using SendPilot.Client.Json;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Api
{
    /// <summary>Calls any SendPilot endpoint with the module's key, retries and error records, returning PowerShell objects.</summary>
    /// <remarks>
    /// <para>The escape hatch for endpoints without a cmdlet. -Path is relative to the base URI (for example /campaigns).
    /// JSON answers become PSCustomObjects; a top-level array is written item by item.</para>
    /// <para>GET, PATCH, PUT and DELETE are retried like every other read. POST is treated as a possible send: it is repeated
    /// only when the request certainly never reached SendPilot, so nothing goes out twice. Writes support -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>Invoke-SpApi GET /credits</code>
    /// <para>Shows the workspace's credits.</para>
    /// </example>
    /// <example>
    /// <code>Invoke-SpApi PATCH /leads/lead_42/status -Body @{ status = 'MEETING_BOOKED'; note = 'Call on Friday' }</code>
    /// <para>Sends a JSON body built from a hashtable.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Invoke, "SpApi", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.AnyEndpoint)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeSpApiCommand : SendPilotCmdlet
    {
        /// <summary>The HTTP method: GET (default), POST, PATCH, PUT or DELETE.</summary>
        [Parameter(Position = 0)]
        [ValidateSet("GET", "POST", "PATCH", "PUT", "DELETE", IgnoreCase = true)]
        public string Method { get; set; } = "GET";

        /// <summary>The path under the base URI, such as /campaigns or /inbox/senders.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary>Query-string parameters as a hashtable, e.g. @{ status = 'active'; limit = 50 }.</summary>
        [Parameter]
        public IDictionary? Query { get; set; }

        /// <summary>The JSON body: a hashtable, PSCustomObject, array, or a JSON string sent as is. Binds from the pipeline.</summary>
        [Parameter(ValueFromPipeline = true)]
        public object? Body { get; set; }

        protected override void ProcessItem()
        {
            ApiRequest request = BuildRequest();
            bool isRead = request.Method == HttpMethod.Get;
            if (!isRead && !ShouldProcess(InWorkspace($"{Client.Connection.BaseUri.AbsolutePath.TrimEnd('/')}/{Path.TrimStart('/')}"), request.Method.Method)) return;
            JsonElement body = Await(Client.GetJsonAsync(request, CancelToken));
            if (body.ValueKind == JsonValueKind.Undefined) return;
            WriteObject(PSObjectConverter.FromJson(body), enumerateCollection: true);
        }

        private ApiRequest BuildRequest()
        {
            var request = new ApiRequest(new HttpMethod(Method.ToUpperInvariant()), Path)
            {
                Delivery = Method.Equals("POST", System.StringComparison.OrdinalIgnoreCase) ? DeliveryMode.AtMostOnce : DeliveryMode.Repeatable,
            };
            if (Query != null)
                foreach (DictionaryEntry entry in Query)
                    request.WithQuery(System.Convert.ToString(entry.Key) ?? "", PSObjectConverter.ToPlain(entry.Value));
            if (Body != null) request.JsonBody = JsonBody.Serialize(PSObjectConverter.ToPlain(Body)!);
            return request;
        }
    }
}
