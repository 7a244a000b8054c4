using System.Text.Json;

namespace BalkanBot.Tests.Integration;

/// <summary>Payloads of Slack's AI-app surfaces (assistant pane, App Home, message shortcut) as Slack sends them.</summary>
public static class SlackSurfacePayloads
{
    public const string AssistantChannel = "D0ASSIST";

    public static string ThreadStarted(string eventId, string threadTs = "1700000100.000100") =>
        SlackPayloadsFor.Callback(eventId, $$"""
            {"type":"assistant_thread_started","assistant_thread":{"user_id":"U0USER","context":{"channel_id":"C0CHAN","team_id":"T0TEAM","enterprise_id":null},
             "channel_id":"{{AssistantChannel}}","thread_ts":"{{threadTs}}"},"event_ts":"1700000100.000200"}
            """);

    public static string ContextChanged(string eventId, string threadTs = "1700000100.000100") =>
        SlackPayloadsFor.Callback(eventId, $$"""
            {"type":"assistant_thread_context_changed","assistant_thread":{"user_id":"U0USER","context":{"channel_id":"C0OTHER","team_id":"T0TEAM"},
             "channel_id":"{{AssistantChannel}}","thread_ts":"{{threadTs}}"},"event_ts":"1700000101.000200"}
            """);

    /// <summary>A message the user typed in an assistant thread: a message.im event with thread_ts.</summary>
    public static string ThreadMessage(string eventId, string text, string ts, string threadTs = "1700000100.000100") =>
        SlackPayloadsFor.Callback(eventId, $$"""
            {"type":"message","channel_type":"im","user":"U0USER","text":{{JsonSerializer.Serialize(text)}},"ts":"{{ts}}","thread_ts":"{{threadTs}}","channel":"{{AssistantChannel}}"}
            """);

    public static string HomeOpened(string eventId, string user = "U0USER", string tab = "home") =>
        SlackPayloadsFor.Callback(eventId, $$"""{"type":"app_home_opened","user":"{{user}}","channel":"D0HOME","tab":"{{tab}}","event_ts":"1700000200.000100"}""");

    /// <summary>A click on the Home tab: no channel, no response_url, the view as container.</summary>
    public static string HomeAction(string actionId, string value, string user = "U0USER") => $$"""
        {"type":"block_actions","user":{"id":"{{user}}","username":"ana"},"team":{"id":"T0TEAM"},"api_app_id":"A0APP",
         "container":{"type":"view","view_id":"V0HOME"},"view":{"id":"V0HOME","type":"home","hash":"1.abc"},
         "actions":[{"action_id":"{{actionId}}","block_id":"b","type":"button","value":{{JsonSerializer.Serialize(value)}},"action_ts":"1700000201.1"}]}
        """;

    public static string Shortcut(string text, string callbackId = "balkan_ask_about_message", string channel = "C0CHAN",
        string messageTs = "1700000300.000100", string? threadTs = null, string? responseUrl = null) => $$"""
        {"type":"message_action","callback_id":"{{callbackId}}","trigger_id":"1.2.3","team":{"id":"T0TEAM"},"user":{"id":"U0USER","name":"ana"},
         "channel":{"id":"{{channel}}","name":"general"},"message_ts":"{{messageTs}}",
         "message":{"type":"message","user":"U0OTHER","ts":"{{messageTs}}",{{(threadTs is null ? "" : $"\"thread_ts\":\"{threadTs}\",")}}"text":{{JsonSerializer.Serialize(text)}}},
         {{(responseUrl is null ? "" : $"\"response_url\":{JsonSerializer.Serialize(responseUrl)},")}}"token":"x"}
        """;

    /// <summary>A click on a native feedback button: the action carries the clicked button's value.</summary>
    public static string FeedbackClick(string value, string channel = "C0CHAN", string messageTs = "1700000050.000500") => $$"""
        {"type":"block_actions","user":{"id":"U0USER","username":"ana"},"team":{"id":"T0TEAM"},
         "container":{"type":"message","message_ts":"{{messageTs}}","channel_id":"{{channel}}","is_ephemeral":false},
         "channel":{"id":"{{channel}}"},"message":{"type":"message","ts":"{{messageTs}}","text":"answer"},
         "actions":[{"action_id":"balkan_feedback","block_id":"balkan_feedback","type":"feedback_buttons","value":{{JsonSerializer.Serialize(value)}},"action_ts":"1700000051.1"}]}
        """;
}
