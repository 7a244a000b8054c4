namespace BalkanBot.Channels.Slack;

/// <summary>
/// Extension point for <c>/balkan</c> subcommands that are not questions. The digest feature implements it and
/// registers it as a singleton (<c>services.AddSingleton&lt;ISlackCommandExtension, …&gt;()</c>); without one,
/// <c>/balkan subscribe …</c> is told that digests are not enabled.
/// </summary>
public interface ISlackCommandExtension
{
    /// <summary>
    /// Called in the background after Slack has been acknowledged, so it may take longer than Slack's 3 s.
    /// The reply is posted to the command's <c>response_url</c> (ephemeral unless <see cref="SlackReply.InChannel"/>).
    /// </summary>
    /// <param name="command">The whole command: user, channel (the conversation to deliver digests to), team, text.</param>
    /// <param name="subcommand">One of <see cref="SlackCommands.ExtensionWords"/>, lower case.</param>
    /// <param name="arguments">The rest of the text after the subcommand, trimmed ("weekly Kosovo").</param>
    Task<SlackReply> HandleAsync(SlackCommand command, string subcommand, string arguments, CancellationToken cancellationToken);
}
