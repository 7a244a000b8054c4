using BalkanBot.Answers;
using BalkanBot.Cards;
using BalkanBot.Channels;

namespace BalkanBot.Channels.Slack;

/// <summary><c>/balkan help</c>: the engine's own help, with the ways to ask in Slack first.</summary>
public sealed class SlackHelp(AnswerEngine engine)
{
    public SlackMessage Message(string command)
    {
        var help = engine.Answer(new Question("help", ChannelKeys.Slack, "help"));
        help = help with
        {
            Facts =
            [
                new AnswerFact("Ask privately", $"{command} QUESTION: only you see the answer", []),
                new AnswerFact("Ask the channel", $"{command} share QUESTION: the answer is posted for everyone", []),
                new AnswerFact("Mention or message", "@BalkanBot QUESTION in a channel (answered in the thread), or a direct message", []),
                .. help.Facts,
            ],
        };
        return SlackMessage.From(BlockKitRenderer.Render(help));
    }
}
