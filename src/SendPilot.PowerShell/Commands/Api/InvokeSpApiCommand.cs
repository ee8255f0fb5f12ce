using System.Collections;
using System.Management.Automation;
using System.Net.Http;
using System.Text.Json;
using SendPilot.Client.Http;
using SendPilot.Client.Json;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Api
{
    /// <summary>
    /// Calls any endpoint with the module's auth, retries and errors, returning PowerShell objects.
    /// POST is treated as a possible send: it is repeated only when the request certainly never arrived.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "SpApi", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeSpApiCommand : SendPilotCmdlet
    {
        [Parameter(Position = 0)]
        [ValidateSet("GET", "POST", "PATCH", "PUT", "DELETE", IgnoreCase = true)]
        public string Method { get; set; } = "GET";

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        [Parameter]
        public IDictionary? Query { get; set; }

        [Parameter(ValueFromPipeline = true)]
        public object? Body { get; set; }

        protected override void ProcessItem()
        {
            ApiRequest request = BuildRequest();
            bool isRead = request.Method == HttpMethod.Get;
            if (!isRead && !ShouldProcess($"{Client.Connection.BaseUri.AbsolutePath.TrimEnd('/')}/{Path.TrimStart('/')}", request.Method.Method)) return;
            JsonElement body = Await(Client.GetJsonAsync(request, Stopping));
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
