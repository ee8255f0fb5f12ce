using System.Text.Json.Serialization;

namespace SendPilot.Client.Models
{
    /// <summary>A LinkedIn account that sends for the workspace (<c>GET /inbox/senders</c>).</summary>
    public sealed class Sender : ApiObject
    {
        public string Id { get; set; } = "";

        /// <summary>Same as <see cref="Id"/>, so senders pipe into -SenderId parameters.</summary>
        [JsonIgnore]
        public string SenderId => Id;

        public string? Name { get; set; }
        public string? LinkedinUrl { get; set; }

        private string? _status;

        /// <summary>active, disconnected or rate_limited (lower case whatever the API sent).</summary>
        public string? Status
        {
            get => _status;
            set => _status = value?.ToLowerInvariant();
        }

        /// <summary>LinkedIn Premium: only Premium senders deliver connection notes. Null when the API does not say.</summary>
        public bool? IsPremium { get; set; }

        [JsonIgnore]
        public bool IsActive => string.Equals(Status, "active", System.StringComparison.OrdinalIgnoreCase);

        public override string ToString() => Name ?? Id;
    }
}
