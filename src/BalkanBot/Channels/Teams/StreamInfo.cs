using System.Text.Json;

namespace BalkanBot.Channels.Teams;

/// <summary>
/// Teams streaming entities: an informative update is a <c>typing</c> activity carrying
/// <c>{type: "streaminfo", streamType: "informative", streamSequence: 1}</c>; its connector id becomes the streamId
/// that the final message names with <c>streamType: "final"</c>.
/// </summary>
public static class StreamInfo
{
    public const string EntityType = "streaminfo";
    /// <summary>Teams refuses informative text of 1 KB or more.</summary>
    public const int MaxInformativeBytes = 1023;

    public static Entity Informative(int sequence = 1) => new()
    {
        Type = EntityType,
        Extra = new() { ["streamType"] = Json("informative"), ["streamSequence"] = JsonSerializer.SerializeToElement(sequence, TeamsJson.Context.Int32) },
    };

    public static Entity Final(string streamId) => new()
    {
        Type = EntityType,
        Extra = new() { ["streamId"] = Json(streamId), ["streamType"] = Json("final") },
    };

    /// <summary>405 (not a personal chat) and 403 (streaming not allowed for this bot or user): use a typing indicator instead.</summary>
    public static bool Refused(ConnectorResult result) => result.Status is 403 or 405;

    private static JsonElement Json(string value) => JsonSerializer.SerializeToElement(value, TeamsJson.Context.String);
}
