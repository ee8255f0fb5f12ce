using System.Security.Cryptography;
using System.Text;
using SendPilot.Client.Webhooks;
using Xunit;

namespace SendPilot.Client.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 24).Select(i => (byte)(i * 7)).ToArray();
    private static readonly string SvixSecret = "whsec_" + Convert.ToBase64String(Key);
    private const string DocsSecret = "docs-secret-Ω";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_767_225_600);
    private const string Body = "{\"eventId\":\"evt_1\",\"eventType\":\"message.sent\",\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"data\":{\"message\":\"Grüße\"}}";

    // Vectors computed here with the framework's HMAC, not with the code under test.
    private static string SvixSig(byte[] key, string id, long t, string body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{t}.{body}")));

    private static string DocsSig(string secret, long t, string body) =>
        $"t={t},s=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}")));

    private static Dictionary<string, string> Svix(string signature, long? t = null, string prefix = "svix-") => new()
    {
        [prefix + "id"] = "msg_1",
        [prefix + "timestamp"] = (t ?? Now.ToUnixTimeSeconds()).ToString(),
        [prefix + "signature"] = signature,
    };

    private static WebhookSignatureResult Check(string body, IDictionary<string, string> headers, string secret, int toleranceSeconds = 300) =>
        WebhookSignature.Verify(Encoding.UTF8.GetBytes(body), headers, secret, TimeSpan.FromSeconds(toleranceSeconds), Now);

    [Fact]
    public void The_published_svix_example_verifies()
    {
        // From Svix's "verifying webhooks manually" documentation.
        var headers = new Dictionary<string, string>
        {
            ["svix-id"] = "msg_p5jXN8AQM9LWM0D4loKWxJek",
            ["svix-timestamp"] = "1614265330",
            ["svix-signature"] = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        };
        var result = WebhookSignature.Verify(Encoding.UTF8.GetBytes("{\"test\": 2432232314}"), headers,
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", TimeSpan.Zero, DateTimeOffset.UtcNow);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(WebhookSignatureScheme.Svix, result.Scheme);
    }

    [Fact]
    public void Svix_and_standard_webhooks_headers_verify_with_an_independent_vector()
    {
        var t = Now.ToUnixTimeSeconds();
        var svix = Check(Body, Svix(SvixSig(Key, "msg_1", t, Body)), SvixSecret);
        var standard = Check(Body, Svix(SvixSig(Key, "msg_1", t, Body), prefix: "webhook-"), SvixSecret);

        Assert.True(svix.IsValid, svix.ToString());
        Assert.Equal(WebhookSignatureScheme.Svix, svix.Scheme);
        Assert.Equal(Now, svix.Timestamp);
        Assert.True(standard.IsValid, standard.ToString());
        Assert.Equal(WebhookSignatureScheme.StandardWebhooks, standard.Scheme);
    }

    [Fact]
    public void The_documented_scheme_verifies_with_and_without_the_v1_prefix()
    {
        var sig = DocsSig(DocsSecret, Now.ToUnixTimeSeconds(), Body);

        var plain = Check(Body, new Dictionary<string, string> { ["Webhook-Signature"] = sig }, DocsSecret);
        var prefixed = Check(Body, new Dictionary<string, string> { ["webhook-signature"] = "v1," + sig }, DocsSecret);

        Assert.True(plain.IsValid, plain.ToString());
        Assert.Equal(WebhookSignatureScheme.Docs, plain.Scheme);
        Assert.True(prefixed.IsValid, prefixed.ToString());
        Assert.Equal(WebhookSignatureScheme.Docs, prefixed.Scheme);
    }

    [Fact]
    public void Header_names_match_in_any_case()
    {
        var t = Now.ToUnixTimeSeconds();
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SVIX-ID"] = "msg_1", ["Svix-Timestamp"] = t.ToString(), ["sViX-sIgNaTuRe"] = SvixSig(Key, "msg_1", t, Body),
        };
        Assert.True(Check(Body, headers, SvixSecret).IsValid);
    }

    [Fact]
    public void Two_v1_signatures_pass_when_either_matches_secret_rotation()
    {
        var t = Now.ToUnixTimeSeconds();
        var oldKey = Enumerable.Repeat((byte)9, 32).ToArray();
        var header = SvixSig(oldKey, "msg_1", t, Body) + " " + SvixSig(Key, "msg_1", t, Body);
        var reversed = SvixSig(Key, "msg_1", t, Body) + " " + SvixSig(oldKey, "msg_1", t, Body);

        Assert.True(Check(Body, Svix(header), SvixSecret).IsValid);
        Assert.True(Check(Body, Svix(reversed), SvixSecret).IsValid);
        Assert.True(Check(Body, Svix(header), "whsec_" + Convert.ToBase64String(oldKey)).IsValid);
        var repeatedHeader = new List<KeyValuePair<string, string>>(Svix(SvixSig(oldKey, "msg_1", t, Body)).Where(h => true))
        {
            new("svix-signature", SvixSig(Key, "msg_1", t, Body)), // the same header on a second line
        };
        Assert.True(WebhookSignature.Verify(Encoding.UTF8.GetBytes(Body), repeatedHeader, SvixSecret, TimeSpan.FromMinutes(5), Now).IsValid);
        var neither = Check(Body, Svix(header), "whsec_" + Convert.ToBase64String(new byte[32]));
        Assert.Equal(WebhookSignatureFailure.Mismatch, neither.Failure);
        Assert.Contains("2 v1 signature", neither.Message);
    }

    [Fact]
    public void A_tampered_body_fails_as_a_mismatch_in_both_schemes()
    {
        var t = Now.ToUnixTimeSeconds();
        var tampered = Body.Replace("Grüße", "Grüsse");

        var svix = Check(tampered, Svix(SvixSig(Key, "msg_1", t, Body)), SvixSecret);
        var docs = Check(tampered, new Dictionary<string, string> { ["Webhook-Signature"] = DocsSig(DocsSecret, t, Body) }, DocsSecret);

        Assert.False(svix.IsValid);
        Assert.Equal(WebhookSignatureFailure.Mismatch, svix.Failure);
        Assert.Equal(WebhookSignatureFailure.Mismatch, docs.Failure);
    }

    [Fact]
    public void A_wrong_secret_fails_as_a_mismatch_in_both_schemes()
    {
        var t = Now.ToUnixTimeSeconds();
        var svix = Check(Body, Svix(SvixSig(Key, "msg_1", t, Body)), "whsec_" + Convert.ToBase64String(Key.Reverse().ToArray()));
        var docs = Check(Body, new Dictionary<string, string> { ["Webhook-Signature"] = DocsSig(DocsSecret, t, Body) }, "another-secret");

        Assert.Equal(WebhookSignatureFailure.Mismatch, svix.Failure);
        Assert.Equal(WebhookSignatureFailure.Mismatch, docs.Failure);
    }

    [Fact]
    public void A_timestamp_outside_the_tolerance_fails_even_when_the_mac_is_right()
    {
        var old = Now.AddSeconds(-301).ToUnixTimeSeconds();
        var future = Now.AddSeconds(400).ToUnixTimeSeconds();

        var expired = Check(Body, Svix(SvixSig(Key, "msg_1", old, Body), old), SvixSecret);
        var ahead = Check(Body, new Dictionary<string, string> { ["Webhook-Signature"] = DocsSig(DocsSecret, future, Body) }, DocsSecret);
        var withinWiderTolerance = Check(Body, Svix(SvixSig(Key, "msg_1", old, Body), old), SvixSecret, toleranceSeconds: 600);
        var unchecked_ = Check(Body, Svix(SvixSig(Key, "msg_1", old, Body), old), SvixSecret, toleranceSeconds: 0);

        Assert.Equal(WebhookSignatureFailure.TimestampOutsideTolerance, expired.Failure);
        Assert.Contains("301 s ago", expired.Message);
        Assert.Equal(WebhookSignatureFailure.TimestampOutsideTolerance, ahead.Failure);
        Assert.Contains("future", ahead.Message);
        Assert.True(withinWiderTolerance.IsValid);
        Assert.True(unchecked_.IsValid);
    }

    [Theory]
    [InlineData("svix-id")]
    [InlineData("svix-timestamp")]
    [InlineData("svix-signature")]
    public void A_missing_svix_header_is_named(string missing)
    {
        var headers = Svix(SvixSig(Key, "msg_1", Now.ToUnixTimeSeconds(), Body));
        headers.Remove(missing);

        var result = Check(Body, headers, SvixSecret);

        Assert.Equal(WebhookSignatureFailure.MissingHeader, result.Failure);
        Assert.Equal(WebhookSignatureScheme.Svix, result.Scheme);
        Assert.Contains(missing, result.Message);
    }

    [Fact]
    public void No_signature_header_at_all_is_a_missing_header()
    {
        var result = Check(Body, new Dictionary<string, string> { ["Content-Type"] = "application/json" }, SvixSecret);
        Assert.False(result.IsValid);
        Assert.Equal(WebhookSignatureFailure.MissingHeader, result.Failure);
        Assert.Equal(WebhookSignatureScheme.None, result.Scheme);
    }

    [Theory]
    [InlineData("v2,abc")]            // no v1 entry
    [InlineData("v1,not base64!!")]   // undecodable
    public void A_malformed_svix_signature_is_a_bad_format(string signature)
    {
        var result = Check(Body, Svix(signature), SvixSecret);
        Assert.Equal(WebhookSignatureFailure.BadFormat, result.Failure);
    }

    [Theory]
    [InlineData("t=1767225600")]            // no s=
    [InlineData("t=soon,s=abcdef")]         // t not a number
    [InlineData("t=1767225600,s=xyz")]      // s not hex
    public void A_malformed_docs_signature_is_a_bad_format(string header)
    {
        var result = Check(Body, new Dictionary<string, string> { ["Webhook-Signature"] = header }, DocsSecret);
        Assert.Equal(WebhookSignatureScheme.Docs, result.Scheme);
        Assert.Equal(WebhookSignatureFailure.BadFormat, result.Failure);
    }

    [Fact]
    public void A_svix_secret_that_is_not_base64_is_reported_as_such()
    {
        var result = Check(Body, Svix(SvixSig(Key, "msg_1", Now.ToUnixTimeSeconds(), Body)), "whsec_not*base64");
        Assert.Equal(WebhookSignatureFailure.InvalidSecret, result.Failure);
        Assert.False(WebhookSignature.IsStandardSecret("whsec_not*base64"));
        Assert.True(WebhookSignature.IsStandardSecret(SvixSecret));
    }

    [Fact]
    public void Signing_produces_what_the_independent_vectors_expect()
    {
        var body = Encoding.UTF8.GetBytes(Body);
        var t = Now.ToUnixTimeSeconds();

        Assert.Equal(SvixSig(Key, "msg_9", t, Body), WebhookSignature.SignStandard(SvixSecret, "msg_9", t, body));
        Assert.Equal(DocsSig(DocsSecret, t, Body), WebhookSignature.SignDocs(DocsSecret, t, body));
        var headers = WebhookSignature.CreateHeaders(WebhookSignatureScheme.StandardWebhooks, SvixSecret, "msg_9", Now, body);
        Assert.Equal(new[] { "webhook-id", "webhook-signature", "webhook-timestamp" }, headers.Keys.OrderBy(k => k));
        Assert.True(WebhookSignature.Verify(body, headers, SvixSecret, TimeSpan.FromMinutes(5), Now).IsValid);
    }

    [Fact]
    public void Fixed_time_comparison_is_exact()
    {
        Assert.True(WebhookSignature.FixedTimeEquals([1, 2, 3], [1, 2, 3]));
        Assert.False(WebhookSignature.FixedTimeEquals([1, 2, 3], [1, 2, 4]));
        Assert.False(WebhookSignature.FixedTimeEquals([0, 2, 3], [1, 2, 3]));
        Assert.False(WebhookSignature.FixedTimeEquals([1, 2, 3], [1, 2]));
    }
}
