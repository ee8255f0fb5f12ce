using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.Client.Tests.Sandbox;

/// <summary>One sandbox per test class; each test starts from Reset() via <see cref="SandboxTestBase"/>.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public SandboxServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await SandboxServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public abstract class SandboxTestBase : IClassFixture<SandboxFixture>, IDisposable
{
    protected SandboxTestBase(SandboxFixture fixture)
    {
        Server = fixture.Server;
        Server.Reset();
        Http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
    }

    protected SandboxServer Server { get; }
    protected HttpClient Http { get; }

    protected Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? key = null, bool legacy = false)
    {
        var baseUri = legacy ? Server.LegacyBaseUri : Server.BaseUri;
        var request = new HttpRequestMessage(method, baseUri + path);
        if (key != "") request.Headers.Add("X-API-Key", key ?? Server.ApiKey);
        if (body is not null)
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        return Http.SendAsync(request);
    }

    protected Task<HttpResponseMessage> GetAsync(string path, string? key = null, bool legacy = false) =>
        SendAsync(HttpMethod.Get, path, key: key, legacy: legacy);

    protected Task<HttpResponseMessage> PostAsync(string path, object body, string? key = null) =>
        SendAsync(HttpMethod.Post, path, body, key);

    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    protected static async Task AssertErrorAsync(HttpResponseMessage response, int status, string message)
    {
        Assert.Equal(status, (int)response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(status, body.GetProperty("statusCode").GetInt32());
        Assert.Equal(message, body.GetProperty("message").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
    }

    public void Dispose() => Http.Dispose();
}
