using System.Globalization;
using static BalkanBot.Cards.BlockKitLimits;
using static BalkanBot.Cards.BlockKitText;

namespace BalkanBot.Cards;

/// <summary>What the Home tab shows; <see cref="Subscriptions"/> is null when Slack would not list the user's channels.</summary>
public sealed record HomeContent(IReadOnlyList<HomeCount> Counts, IReadOnlyList<HomeRecord> Latest, bool LatestAreAdditions,
    IReadOnlyList<HomeSubscription>? Subscriptions, int MoreSubscriptions, IReadOnlyList<string> Examples);

public sealed record HomeCount(string Kind, int Count);

/// <summary>A record for "latest": its name, kind word and the date shown (when it was added, or its own date).</summary>
public sealed record HomeRecord(string Name, string Kind, string Date);

public sealed record HomeSubscription(long Id, string ChannelId, string Schedule, string Filter, DateTimeOffset NextDue);

/// <summary>
/// The App Home tab as Block Kit: what the base covers, its latest records, the digests of the user's channels (each
/// with Unsubscribe) and example questions as buttons. A pure function, within the 100 blocks a view may hold.
/// </summary>
public static class BlockKitHome
{
    public const string Intro = "Sourced answers on Balkan security, every fact cited. Open the assistant pane, send a direct message, " +
        "mention @BalkanBot in a channel, or type `/balkan QUESTION` anywhere.";

    public static IReadOnlyList<SlackBlock> Render(HomeContent c)
    {
        var blocks = new List<SlackBlock>
        {
            new HeaderBlock(SlackText.Plain("BalkanBot")),
            new SectionBlock { Text = SlackText.Mrkdwn(Intro) },
            new SectionBlock
            {
                Text = SlackText.Mrkdwn("*What the base covers*"),
                Fields = c.Counts.Take(MaxFields).Select(k => SlackText.Mrkdwn($"*{Escape(k.Kind)}*\n{k.Count.ToString("N0", CultureInfo.InvariantCulture)}")).ToList(),
            },
        };
        if (c.Latest.Count > 0)
        {
            var heading = c.LatestAreAdditions ? "*Latest additions to the base*" : "*Most recent in the base*";
            var lines = c.Latest.Select(r => $"• *{Escape(r.Name)}* ({Escape(r.Kind)}) · {(c.LatestAreAdditions ? "added " : "")}{Escape(r.Date)}");
            blocks.AddRange(Pack(lines.Prepend(heading), MaxSectionText).Select(t => new SectionBlock { Text = SlackText.Mrkdwn(t) }));
        }

        blocks.Add(new DividerBlock());
        blocks.Add(new SectionBlock { Text = SlackText.Mrkdwn("*Digests in your channels*") });
        if (c.Subscriptions is null)
            blocks.Add(Context("Slack did not list your channels just now; `/balkan subscriptions` in a channel shows its digests."));
        else if (c.Subscriptions.Count == 0)
            blocks.Add(Context("No digests in your channels yet. In a channel, `/balkan subscribe weekly Kosovo` starts one."));
        foreach (var s in c.Subscriptions ?? [])
        {
            blocks.Add(new SectionBlock
            {
                Text = SlackText.Mrkdwn(Truncate($"<#{s.ChannelId}> · {Escape(s.Schedule)} · {Escape(s.Filter)}\nNext delivery: {When(s.NextDue)}", MaxSectionText)),
                Accessory = new SlackButton(SlackText.Plain("Unsubscribe"), BlockKitActions.HomeUnsubscribe,
                    s.Id.ToString(CultureInfo.InvariantCulture))
                { Style = "danger" },
            });
        }
        if (c.MoreSubscriptions > 0)
            blocks.Add(Context($"and {c.MoreSubscriptions} more; `/balkan subscriptions` in a channel lists its own."));

        if (c.Examples.Count > 0)
        {
            blocks.Add(new DividerBlock());
            blocks.Add(new SectionBlock { Text = SlackText.Mrkdwn("*Try asking* (the answer comes as a direct message)") });
            blocks.Add(new ActionsBlock(c.Examples.Take(MaxActionElements).Select((q, i) =>
                new SlackButton(SlackText.Plain(TruncatePlain(q, MaxButtonText)), BlockKitActions.HomeAskPrefix + i, Truncate(q, MaxButtonValue))).ToList())
            { BlockId = "balkan_home_examples" });
        }
        return blocks.Count <= MaxViewBlocks ? blocks : blocks.Take(MaxViewBlocks).ToList();
    }

    /// <summary>Slack shows the time in the reader's own time zone; the fallback is UTC.</summary>
    private static string When(DateTimeOffset t) =>
        $"<!date^{t.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}^{{date_short_pretty}} at {{time}}|{t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC>";

    private static ContextBlock Context(string mrkdwn) => new([SlackText.Mrkdwn(mrkdwn)]);
}
