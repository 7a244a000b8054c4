using System.Text;
using BalkanBot.Digests;
using BalkanBot.Tests.Integration;
using BalkanBot.Tests.TestSupport;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BalkanBot.Tests.Digests;

/// <summary>
/// Subscribing and unsubscribing through the channels' real endpoints (the bot in a TestServer; Teams' connector
/// and Slack's API as fakes on 127.0.0.1), and the scheduled digest that follows, with the host's clock faked.
/// </summary>
public class DigestEndpointTests
{
    [Fact]
    public async Task Teams_SubscribeScheduledDigestUnsubscribe_ThroughApiMessages()
    {
        await using var connector = await FakeConnector.StartAsync();
        var clock = new WatchedTimeProvider(DateTimeOffset.UtcNow);
        using var teams = new TeamsBotFactory(new Dictionary<string, string?> { ["Digests:Enabled"] = "true" });
        using var factory = teams.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var client = factory.CreateClient();

        await PostAsync(client, TestActivities.Message(connector.ServiceUrl, "subscribe weekly Kosovo", conversationId: "19:digest-chan"));
        var confirmation = (await connector.WaitForAsync(1))[0];
        Assert.Contains("Subscribed: weekly digest (Kosovo)", confirmation.Card!.Value.GetRawText());
        Assert.Contains("every Monday at 08:00 Europe/Belgrade time", confirmation.Card!.Value.GetRawText());
        var store = factory.Services.GetRequiredService<IDigestStore>();
        var sub = Assert.Single(await store.SubscriptionsAsync("teams", "19:digest-chan"));
        var reference = await store.GetReferenceAsync("teams", "19:digest-chan");
        Assert.Equal((connector.ServiceUrl, "tenant-1", "bot-1"), (reference!.ServiceUrl, reference.TenantId, reference.BotId));

        await clock.WaitForWaiterAsync();
        clock.SetUtcNow(sub.NextDue); // Monday 08:00 in Belgrade: the scheduler loop wakes and delivers
        var digest = (await connector.WaitForAsync(2))[1];
        Assert.Null(digest.ReplyToId); // a new message in the conversation, not a reply
        Assert.Equal("19:digest-chan", digest.ConversationId);
        var card = digest.Card!.Value;
        Assert.StartsWith($"digest-{sub.Id}-", card.GetProperty("body")[0].GetProperty("id").GetString());
        Assert.Contains("Weekly digest: Kosovo", card.GetRawText());
        Assert.Equal(DeliveryStatus.Sent, (await WaitForRowAsync(store, sub.Id)).Status);

        await PostAsync(client, TestActivities.Message(connector.ServiceUrl, "unsubscribe", conversationId: "19:digest-chan"));
        Assert.Contains("Unsubscribed", (await connector.WaitForAsync(3))[2].Card!.Value.GetRawText());
        Assert.Empty(await store.SubscriptionsAsync("teams", "19:digest-chan"));
    }

    [Fact]
    public async Task Slack_SubscribeScheduledDigestUnsubscribe_ThroughSlashCommand()
    {
        var clock = new WatchedTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await SlackTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Digests:Enabled"] = "true" },
            services: s => s.AddSingleton<TimeProvider>(clock));

        var ack = await Command(host, clock, "subscribe weekly Kosovo");
        Assert.Contains("Working on it", await ack.Content.ReadAsStringAsync());
        var reply = (await host.Fake.WaitForAsync(c => c.Path == "/hooks/cmd-C0DIGEST"))[0];
        Assert.Contains("Subscribed: weekly digest (Kosovo)", reply.Body);
        Assert.Equal("ephemeral", reply.Get("response_type"));
        var store = host.Get<IDigestStore>();
        var sub = Assert.Single(await store.SubscriptionsAsync("slack", "C0DIGEST"));

        await Command(host, clock, "subscriptions");
        Assert.Contains("weekly digest", (await host.Fake.WaitForAsync(c => c.Path == "/hooks/cmd-C0DIGEST", 2))[1].Body);

        await clock.WaitForWaiterAsync();
        clock.SetUtcNow(sub.NextDue);
        var post = (await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postMessage"))[0];
        Assert.Equal("C0DIGEST", post.Get("channel"));
        Assert.StartsWith($"digest-{sub.Id}-", post.Json!["blocks"]![0]!["block_id"]!.GetValue<string>());
        Assert.Contains("Weekly digest: Kosovo", post.Get("text"));
        Assert.Equal(DeliveryStatus.Sent, (await WaitForRowAsync(store, sub.Id)).Status);

        await Command(host, clock, "unsubscribe");
        Assert.Contains("Unsubscribed", (await host.Fake.WaitForAsync(c => c.Path == "/hooks/cmd-C0DIGEST", 3))[2].Body);
        Assert.Empty(await store.SubscriptionsAsync("slack", "C0DIGEST"));
    }

    private static async Task PostAsync(HttpClient client, string activity)
    {
        using var response = await client.PostAsync("/api/messages", new StringContent(activity, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
    }

    /// <summary>Signed at the host's (fake) time, since Slack's signature check refuses requests more than 5 minutes off.</summary>
    private static async Task<HttpResponseMessage> Command(SlackTestHost host, WatchedTimeProvider clock, string text)
    {
        var response = await host.PostSignedAsync("/api/slack/commands",
            SlackPayloadsFor.Command(text, "C0DIGEST", "U0USER", host.Fake.ResponseUrl("cmd-C0DIGEST")), "application/x-www-form-urlencoded",
            timestamp: clock.GetUtcNow().ToUnixTimeSeconds());
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        return response;
    }

    /// <summary>The row is marked sent just after the channel answers; poll briefly for it.</summary>
    private static async Task<DigestDelivery> WaitForRowAsync(IDigestStore store, long subscriptionId)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await store.DeliveriesAsync(subscriptionId) is [{ Status: not DeliveryStatus.Pending and not DeliveryStatus.Sending } row, ..]) return row;
            await Task.Delay(25);
        }
        return (await store.DeliveriesAsync(subscriptionId)).Single();
    }
}
