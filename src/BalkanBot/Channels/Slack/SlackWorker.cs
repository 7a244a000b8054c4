using BalkanBot.Hosting;
using Microsoft.Extensions.Options;

namespace BalkanBot.Channels.Slack;

/// <summary>
/// Answers queued Slack work a few at a time, so one slow reply (a 429 waiting out Retry-After) does not hold up
/// the others. A failure is logged and affects only its own item.
/// </summary>
public sealed class SlackWorker(SlackWorkQueue queue, SlackResponder responder, IOptions<SlackOptions> options, ILogger<SlackWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = stoppingToken };
        try
        {
            await Parallel.ForEachAsync(queue.Reader.ReadAllAsync(stoppingToken), parallel, async (work, ct) =>
            {
                using var scope = log.BeginScope(new Dictionary<string, object?>
                {
                    ["Channel"] = SlackResponder.ChannelName,
                    ["ConversationId"] = work.ConversationId,
                    ["ActivityId"] = (work as SlackEventWork)?.EventId,
                });
                try
                {
                    await responder.HandleAsync(work, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    Log.SlackWorkFailed(log, ex, work.GetType().Name);
                }
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
