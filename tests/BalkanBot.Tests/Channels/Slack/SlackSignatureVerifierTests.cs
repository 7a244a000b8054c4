using System.Text;
using BalkanBot.Channels.Slack;
using Microsoft.Extensions.Time.Testing;

namespace BalkanBot.Tests.Channels.Slack;

public sealed class SlackSignatureVerifierTests
{
    // Slack's worked example ("Verifying requests from Slack"), quoted in shared/PROTOCOLS.md and issue 5.
    private const string DocSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string DocTimestamp = "1531420618";
    private const string DocBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string DocSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly DateTimeOffset DocTime = DateTimeOffset.FromUnixTimeSeconds(1531420618);
    private static byte[] Body => Encoding.UTF8.GetBytes(DocBody);

    private static SlackSignatureVerifier Verifier(DateTimeOffset now, string secret = DocSecret) =>
        new(new FixedSlackOptions(new SlackOptions { SigningSecret = secret, BotToken = "xoxb-x" }), new FakeTimeProvider(now));

    [Fact]
    public void Compute_SlackDocumentedExample_GivesPublishedSignature() =>
        Assert.Equal(DocSignature, SlackSignatureVerifier.Compute(DocSecret, DocTimestamp, Body));

    [Fact]
    public void Verify_SlackDocumentedExampleWithClockAtItsTime_Valid() =>
        Assert.Equal(SignatureCheck.Valid, Verifier(DocTime.AddSeconds(30)).Verify(DocTimestamp, DocSignature, Body));

    [Fact]
    public void Verify_UppercaseHexSignature_Valid() =>
        Assert.Equal(SignatureCheck.Valid, Verifier(DocTime).Verify(DocTimestamp, "v0=" + DocSignature[3..].ToUpperInvariant(), Body));

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-86_400)]
    public void Verify_TimestampMoreThanFiveMinutesOff_Stale(int offsetSeconds) =>
        Assert.Equal(SignatureCheck.Stale, Verifier(DocTime.AddSeconds(-offsetSeconds)).Verify(DocTimestamp, DocSignature, Body));

    [Theory]
    [InlineData(-299)]
    [InlineData(299)]
    public void Verify_TimestampJustInsideFiveMinutes_Valid(int offsetSeconds) =>
        Assert.Equal(SignatureCheck.Valid, Verifier(DocTime.AddSeconds(-offsetSeconds)).Verify(DocTimestamp, DocSignature, Body));

    [Fact]
    public void Verify_BodyChangedByOneCharacter_Mismatch()
    {
        var tampered = Encoding.UTF8.GetBytes(DocBody.Replace("text=", "text=x"));
        Assert.Equal(SignatureCheck.Mismatch, Verifier(DocTime).Verify(DocTimestamp, DocSignature, tampered));
    }

    [Fact]
    public void Verify_OtherSecret_Mismatch() =>
        Assert.Equal(SignatureCheck.Mismatch, Verifier(DocTime, "another-secret").Verify(DocTimestamp, DocSignature, Body));

    [Fact]
    public void Verify_TimestampChangedButSignatureKept_Mismatch() =>
        Assert.Equal(SignatureCheck.Mismatch, Verifier(DocTime).Verify("1531420619", DocSignature, Body));

    [Theory]
    [InlineData(null, DocSignature, SignatureCheck.Missing)]
    [InlineData(DocTimestamp, null, SignatureCheck.Missing)]
    [InlineData("", DocSignature, SignatureCheck.Missing)]
    [InlineData("15314206l8", DocSignature, SignatureCheck.Malformed)]
    [InlineData("-1531420618", DocSignature, SignatureCheck.Malformed)]
    [InlineData("99999999999999999999", DocSignature, SignatureCheck.Malformed)]
    [InlineData(DocTimestamp, "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SignatureCheck.Malformed)]
    [InlineData(DocTimestamp, "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SignatureCheck.Malformed)]
    [InlineData(DocTimestamp, "v0=a2114d57", SignatureCheck.Mismatch)]
    public void Verify_MissingOrMalformedHeaders_Rejected(string? timestamp, string? signature, SignatureCheck expected) =>
        Assert.Equal(expected, Verifier(DocTime).Verify(timestamp, signature, Body));

    [Fact]
    public void Verify_NoSigningSecretConfigured_Missing() =>
        Assert.Equal(SignatureCheck.Missing, Verifier(DocTime, "").Verify(DocTimestamp, DocSignature, Body));
}
