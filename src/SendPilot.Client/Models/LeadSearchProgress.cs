using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using SendPilot.Client.Json;

namespace SendPilot.Client.Models
{
    /// <summary>
    /// How far a lead search or extraction is, whichever shape the API used: an integer 0–100, or an object
    /// <c>{requested, found | extracted, enriched, percent_complete}</c>.
    /// </summary>
    [JsonConverter(typeof(LeadSearchProgressConverter))]
    public sealed class LeadSearchProgress
    {
        /// <summary>0 to 100.</summary>
        public int? Percent { get; set; }

        /// <summary>People asked for (the job's limit).</summary>
        public long? Requested { get; set; }

        /// <summary>People found (a search) or extracted (an extraction) so far.</summary>
        public long? Found { get; set; }

        /// <summary>Extracted people enriched with contact details so far (extractions only).</summary>
        public long? Enriched { get; set; }

        public override string ToString() => Percent is int percent ? $"{percent} %" : "";

        internal static LeadSearchProgress Read(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Number) return new LeadSearchProgress { Percent = Clamp(element.GetDouble()) };
            var progress = new LeadSearchProgress
            {
                Requested = JsonRead.Number(element, "requested", "limit"),
                Found = JsonRead.Number(element, "found", "extracted"),
                Enriched = JsonRead.Number(element, "enriched"),
            };
            if (JsonRead.TryGetAny(element, out JsonElement percent, "percent_complete", "percentComplete", "percent")
                && percent.ValueKind == JsonValueKind.Number)
                progress.Percent = Clamp(percent.GetDouble());
            else if (progress.Requested is long requested && requested > 0 && progress.Found is long found)
                progress.Percent = Clamp(found * 100.0 / requested);
            return progress;
        }

        private static int Clamp(double percent) => (int)Math.Max(0, Math.Min(100, Math.Round(percent)));
    }

    internal sealed class LeadSearchProgressConverter : JsonConverter<LeadSearchProgress?>
    {
        public override LeadSearchProgress? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            JsonElement element = document.RootElement;
            return element.ValueKind == JsonValueKind.Number || element.ValueKind == JsonValueKind.Object
                ? LeadSearchProgress.Read(element) : null;
        }

        public override void Write(Utf8JsonWriter writer, LeadSearchProgress? value, JsonSerializerOptions options)
        {
            if (value?.Percent is int percent) writer.WriteNumberValue(percent);
            else writer.WriteNullValue();
        }
    }
}
