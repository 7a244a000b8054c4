using BalkanBot.Routing;

namespace BalkanBot.Answers;

/// <summary>Answers one intent. Returns null when the base holds no sourced answer; the engine then says so.</summary>
public interface IIntentHandler
{
    IntentKind Intent { get; }
    Answer? Handle(HandlerContext ctx);
}
