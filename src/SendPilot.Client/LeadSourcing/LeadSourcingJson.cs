using System.Text.Json;
using SendPilot.Client.Json;
using SendPilot.Client.Models;

namespace SendPilot.Client.LeadSourcing
{
    /// <summary>Filter catalog entries and filter values come as plain strings or as objects, depending on the doc version.</summary>
    internal static class LeadSourcingJson
    {
        public static LeadSearchFilter Filter(JsonElement item)
        {
            if (item.ValueKind == JsonValueKind.String) return new LeadSearchFilter { Name = item.GetString() ?? "" };
            var filter = JsonRead.Deserialize<LeadSearchFilter>(item);
            if (string.IsNullOrEmpty(filter.Name)) filter.Name = JsonRead.String(item, "filter", "key", "id") ?? "";
            return filter;
        }

        public static LeadSearchFilterValue FilterValue(string filter, JsonElement item)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                string text = item.ValueKind == JsonValueKind.String ? item.GetString() ?? "" : item.GetRawText();
                return new LeadSearchFilterValue { Filter = filter, Value = text, Label = text };
            }
            var value = JsonRead.Deserialize<LeadSearchFilterValue>(item);
            value.Filter = filter;
            if (string.IsNullOrEmpty(value.Value)) value.Value = JsonRead.String(item, "id", "code", "name") ?? "";
            value.Label ??= JsonRead.String(item, "name", "description") ?? value.Value;
            return value;
        }
    }
}
