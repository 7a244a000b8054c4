using System.Text.Encodings.Web;
using System.Text.Json;

namespace BalkanBot.Cards;

/// <summary>
/// The <c>action_id</c>s of our buttons and what their values hold. The Slack channel reads them back from
/// <c>block_actions</c>; nothing else should parse a value.
/// </summary>
public static class BlockKitActions
{
    public const string BlockId = "balkan_actions";
    /// <summary>Followed by the button's index, since action ids must differ within a block.</summary>
    public const string FollowUpPrefix = "balkan_followup_";
    public const string Sources = "balkan_sources";
    public const string FeedbackUp = "balkan_feedback_up";
    public const string FeedbackDown = "balkan_feedback_down";
    public const string More = "balkan_more";
    /// <summary>The native feedback_buttons element; the clicked button's value carries the rating.</summary>
    public const string Feedback = "balkan_feedback";
    /// <summary>Posts a privately shown answer (a message shortcut's) in the channel.</summary>
    public const string Share = "balkan_share";
    /// <summary>App Home: an example question, answered in a direct message; followed by the button's index.</summary>
    public const string HomeAskPrefix = "balkan_home_ask_";
    /// <summary>App Home: ends one digest subscription; the value is its id.</summary>
    public const string HomeUnsubscribe = "balkan_home_unsubscribe";

    public static bool IsOurs(string? actionId) => actionId is not null &&
        (actionId.StartsWith(FollowUpPrefix, StringComparison.Ordinal) || actionId.StartsWith(HomeAskPrefix, StringComparison.Ordinal)
         || actionId is Sources or FeedbackUp or FeedbackDown or More or Feedback or Share or HomeUnsubscribe);

    /// <summary>Clicks that come from the Home tab, which has no channel and no response_url.</summary>
    public static bool IsHome(string? actionId) => actionId is not null &&
        (actionId.StartsWith(HomeAskPrefix, StringComparison.Ordinal) || actionId == HomeUnsubscribe);

    // Keeps Cyrillic and diacritics as one character each, so the 2000-character value limit goes further.
    private static readonly BlockKitJsonContext Context = new(new JsonSerializerOptions(BlockKitJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Encode(BlockKitActionValue value)
    {
        var json = JsonSerializer.Serialize(value, Context.BlockKitActionValue);
        // Questions are at most 500 characters; escaping could still grow one past the limit, so shorten until it fits.
        while (json.Length > BlockKitLimits.MaxButtonValue && value.Question.Length > 0)
        {
            value = value with { Question = value.Question[..(value.Question.Length * 2 / 3)] };
            json = JsonSerializer.Serialize(value, Context.BlockKitActionValue);
        }
        return json;
    }

    /// <summary>Null for anything that is not a value we wrote (a forged or truncated payload).</summary>
    public static BlockKitActionValue? Decode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > BlockKitLimits.MaxButtonValue) return null;
        try
        {
            var v = JsonSerializer.Deserialize(value, Context.BlockKitActionValue);
            return v is { Question: not null } ? v : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
