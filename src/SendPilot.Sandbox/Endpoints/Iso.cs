namespace SendPilot.Sandbox.Endpoints;

internal static class Iso
{
    /// <summary>The API's timestamp form: "2024-02-24T15:30:00.000Z".</summary>
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
}
