using System.Collections.Generic;
using System.Net.Http;

namespace SendPilot.Client.Http
{
    /// <summary>One call to the API, relative to the connection's base URI.</summary>
    public sealed class ApiRequest
    {
        public ApiRequest(HttpMethod method, string path)
        {
            Method = method;
            Path = path;
        }

        public HttpMethod Method { get; }

        /// <summary>Path under the base URI, e.g. <c>/campaigns/camp_1</c>.</summary>
        public string Path { get; }

        public List<KeyValuePair<string, string>> Query { get; } = new List<KeyValuePair<string, string>>();

        /// <summary>UTF-8 JSON body, or null.</summary>
        public byte[]? JsonBody { get; set; }

        public DeliveryMode Delivery { get; set; } = DeliveryMode.Repeatable;

        /// <summary>Optional gate shared with concurrent requests: a 429's Retry-After pauses them all.</summary>
        public RequestGate? Gate { get; set; }

        public ApiRequest WithQuery(string name, object? value)
        {
            if (value == null) return this;
            string text = value is bool b ? (b ? "true" : "false") : System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            if (text.Length > 0) Query.Add(new KeyValuePair<string, string>(name, text));
            return this;
        }

        public ApiRequest WithBody(object? body)
        {
            JsonBody = body == null ? null : Json.JsonBody.Serialize(body);
            return this;
        }
    }
}
