using BalkanBot.Cards;
using static BalkanBot.Cards.BlockKitLimits;

namespace BalkanBot.Digests;

/// <summary>
/// Digest → Slack Block Kit within Slack's limits, with a plain-text fallback. "Ask about" buttons use the answer
/// renderer's follow-up action ids, so the Slack channel answers them like any suggested question. The header's
/// block_id is the delivery key: conversations.history returns it, which is how an in-doubt send is found again.
/// </summary>
public static class DigestBlocks
{
    public static BlockKitMessage Render(Digest d, string? deliveryKey = null)
    {
        for (var max = 8; ; max /= 2)
        {
            var blocks = Build(d, deliveryKey, Math.Max(1, max));
            if (Violations(blocks).Count == 0 || max <= 1) return new BlockKitMessage(Fallback(d), blocks, null);
        }
    }

    public static string Fallback(Digest d) => BlockKitText.Truncate(BlockKitText.Escape(DigestText.Render(d).TrimEnd()), MaxFallbackText);

    private static List<SlackBlock> Build(Digest d, string? key, int max)
    {
        var blocks = new List<SlackBlock>
        {
            new HeaderBlock(SlackText.Plain(BlockKitText.TruncatePlain(d.Title, MaxHeader))) { BlockId = key },
            new ContextBlock([SlackText.Mrkdwn(BlockKitText.Escape(d.PeriodLabel))]),
        };
        if (d.IsEmpty)
        {
            blocks.Add(Section(Digest.NothingNew));
            return blocks;
        }
        blocks.Add(Section(BlockKitText.Escape(DigestAnswer.Summary(d))));
        if (d.Headlines.Count > 0)
            blocks.AddRange(Packed("*Headlines*", d.Headlines.Select(h => $"• *{BlockKitText.Escape(h.Country)}*: {BlockKitText.Escape(h.Line)}")));
        blocks.AddRange(Items("*New agreements*", d.Agreements, d.MoreAgreements, max));
        blocks.AddRange(Items("*Incidents and events*", d.Events, d.MoreEvents, max));
        if (d.Figures.Count > 0)
            blocks.AddRange(Packed("*New and changed figures*", d.Figures.Take(max)
                .Select(f => "• " + BlockKitText.Escape(DigestAnswer.FigureLine(f)) + BlockKitText.Refs(f.Citations))
                .Concat(More(d.MoreFigures + Math.Max(0, d.Figures.Count - max)))));
        blocks.AddRange(Packed("*Sources*", d.Citations.Take(DigestCard.MaxSources)
            .Select(c => $"[{c.N}] {BlockKitText.Link(c.Url, c.Label)}, {BlockKitText.Escape(c.Locator)}")));
        var asks = DigestText.AskAbout(d).Take(MaxAsk).ToList();
        if (asks.Count > 0)
            blocks.Add(new ActionsBlock(asks.Select((q, i) => new SlackButton(
                SlackText.Plain(BlockKitText.TruncatePlain("Ask: " + q, MaxButtonText)), BlockKitActions.FollowUpPrefix + i, Cap(q))).ToList())
            { BlockId = "balkan_followups" });
        blocks.Add(new ContextBlock([SlackText.Mrkdwn("`/balkan unsubscribe` stops these digests; `/balkan subscriptions` lists them.")]));
        return blocks;
    }

    /// <summary>Buttons per digest: enough for every listed item of a small digest, few enough to stay readable.</summary>
    public const int MaxAsk = 10;

    private static IEnumerable<SlackBlock> Items(string heading, IReadOnlyList<DigestItem> items, int more, int max)
    {
        if (items.Count == 0) return [];
        var lines = items.Take(max).Select(i =>
        {
            var head = $"*{BlockKitText.Escape(i.Date ?? "Date not given")}* · {BlockKitText.Escape(i.Name)}{(i.Updated ? " _(updated)_" : "")}";
            var where = i.Where is null ? "" : $"\n_Where:_ {BlockKitText.Escape(i.Where)}";
            var who = i.Who is null ? "" : $"  _Who:_ {BlockKitText.Escape(i.Who)}";
            return $"{head}\n{BlockKitText.Escape(i.What)}{BlockKitText.Refs(i.Citations)}{where}{who}";
        });
        return Packed(heading, lines.Concat(More(more + Math.Max(0, items.Count - max))), separator: "\n\n");
    }

    private static IEnumerable<string> More(int n) => n > 0 ? [$"_{n} more not listed here._"] : [];

    private static IEnumerable<SlackBlock> Packed(string heading, IEnumerable<string> lines, string separator = "\n")
    {
        var list = lines.ToList();
        if (list.Count == 0) yield break;
        yield return new DividerBlock();
        var texts = BlockKitText.Pack(list.Prepend(heading).Select(l => l.Replace("\n", "\u2028")), MaxSectionText - 100).ToList();
        foreach (var t in texts) yield return Section(t.Replace("\n", separator).Replace("\u2028", "\n"));
    }

    private static SectionBlock Section(string mrkdwn) => new() { Text = SlackText.Mrkdwn(BlockKitText.Truncate(mrkdwn, MaxSectionText)) };

    private static string Cap(string q) => q.Length <= Routing.IntentRouter.MaxQuestionLength ? q : q[..Routing.IntentRouter.MaxQuestionLength];
}
