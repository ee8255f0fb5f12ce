using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SendPilot.Client.Models
{
    /// <summary>
    /// A person found by a lead-database search or a lead extraction. The lead fields are typed; every other
    /// field keeps the API's snake_case name (full_name, phone, headline, …) and is copied as a custom field
    /// when the result is added to a campaign. The result's own id is kept apart and never copied.
    /// </summary>
    public sealed class LeadSearchResult : ApiObject, ILeadSource
    {
        [JsonPropertyName("linkedin_url")]
        public string? LinkedinUrl { get; set; }

        [JsonPropertyName("first_name")]
        public string? FirstName { get; set; }

        [JsonPropertyName("last_name")]
        public string? LastName { get; set; }

        public string? Company { get; set; }

        /// <summary>job_title (lead database) or job_position (lead extractor).</summary>
        [JsonIgnore]
        public string? Title => JobTitle ?? JobPosition;

        public string? Email { get; set; }

        [JsonInclude]
        [JsonPropertyName("id")]
        internal string? ResultId { get; set; }

        [JsonInclude]
        [JsonPropertyName("job_title")]
        internal string? JobTitle { get; set; }

        [JsonInclude]
        [JsonPropertyName("job_position")]
        internal string? JobPosition { get; set; }

        /// <summary>The API's id of this result (not a lead id; never sent to a campaign).</summary>
        public string? GetResultId() => ResultId;

        public IEnumerable<KeyValuePair<string, object?>> GetLeadFields()
        {
            foreach (var known in new[] { ("firstName", FirstName), ("lastName", LastName), ("company", Company), ("title", Title), ("email", Email) })
                if (!string.IsNullOrEmpty(known.Item2)) yield return new KeyValuePair<string, object?>(known.Item1, known.Item2);
            foreach (var field in GetAdditionalFields())
                if (Flat(field.Value) is { } value) yield return new KeyValuePair<string, object?>(field.Key, value);
        }

        public override string ToString() =>
            string.IsNullOrEmpty(FirstName) && string.IsNullOrEmpty(LastName) ? LinkedinUrl ?? "" : $"{FirstName} {LastName}".Trim();

        /// <summary>A string, number or boolean as a plain value; null, nested objects and lists are not custom fields.</summary>
        private static object? Flat(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    string? text = value.GetString();
                    return string.IsNullOrWhiteSpace(text) ? null : text;
                case JsonValueKind.Number:
                    if (value.TryGetInt32(out int i)) return i;
                    if (value.TryGetInt64(out long l)) return l;
                    return value.GetDouble();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                default: return null;
            }
        }
    }
}
