namespace BalkanBot.Channels.Slack;

/// <summary>
/// The raw bytes of a Slack request, read once (<see cref="RequestBody"/>) and kept as a request feature: the
/// signature is computed over exactly these bytes and the handler parses the same ones (re-reading a form or JSON
/// body would not reproduce them byte for byte).
/// </summary>
public sealed class SlackRequestBody(byte[] bytes)
{
    public byte[] Bytes { get; } = bytes;
}
