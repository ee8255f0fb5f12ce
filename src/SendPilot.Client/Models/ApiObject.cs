using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SendPilot.Client.Models
{
    /// <summary>
    /// Base of every object read from the API. Fields this version does not know are kept, so a newer
    /// API loses nothing; the PowerShell layer shows them as extra properties.
    /// </summary>
    public abstract class ApiObject
    {
        [JsonExtensionData]
        [JsonInclude]
        internal Dictionary<string, JsonElement>? UnknownFields { get; set; }

        public IReadOnlyDictionary<string, JsonElement> GetAdditionalFields() =>
            (IReadOnlyDictionary<string, JsonElement>?)UnknownFields ?? new Dictionary<string, JsonElement>();
    }
}
