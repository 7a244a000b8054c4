namespace BalkanBot.Diagnostics;

/// <summary>Every log message the bot writes. Never pass tokens, secrets or full message bodies.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Knowledge database built: {Records} records in {Milliseconds} ms at {Path}")]
    public static partial void KnowledgeBuilt(ILogger logger, int records, long milliseconds, string path);

    [LoggerMessage(3, LogLevel.Information, "Answer: channel {Channel}, intent {Intent}, answered {Answered}, {Milliseconds} ms, {RecordCount} record(s)")]
    public static partial void Answered(ILogger logger, string channel, string intent, bool answered, long milliseconds, int recordCount);

    // Only with Logging:IncludeMessageText; never by default.
    [LoggerMessage(4, LogLevel.Information, "Answer: channel {Channel}, intent {Intent}, answered {Answered}, {Milliseconds} ms, {RecordCount} record(s), message {MessageText}")]
    public static partial void AnsweredWithText(ILogger logger, string channel, string intent, bool answered, long milliseconds, int recordCount, string messageText);

    [LoggerMessage(2, LogLevel.Error, "Knowledge files have {Count} error(s); serving the last good database. First: {First}")]
    public static partial void KnowledgeBuildFailed(ILogger logger, int count, string first);

    // 200-299: Slack (Channels/Slack/). Never the tokens, the signing secret, response_url or message text.
    [LoggerMessage(200, LogLevel.Warning, "Slack request to {Path} rejected with {Status}: {Reason}")]
    public static partial void SlackRequestRejected(ILogger logger, string path, int status, string reason);

    [LoggerMessage(201, LogLevel.Information, "Slack event {EventId} already received (retry {RetryNum}); not answering twice")]
    public static partial void SlackEventDuplicate(ILogger logger, string eventId, string? retryNum);

    [LoggerMessage(202, LogLevel.Debug, "Slack event ignored: type {Type}, subtype {Subtype}")]
    public static partial void SlackEventIgnored(ILogger logger, string? type, string? subtype);

    [LoggerMessage(203, LogLevel.Warning, "Slack {Method} answered ok:false, error {Error}")]
    public static partial void SlackApiError(ILogger logger, string method, string error);

    [LoggerMessage(205, LogLevel.Error, "Slack {Method} failed, last HTTP {Status} ({Error})")]
    public static partial void SlackApiFailed(ILogger logger, string method, int status, string error);

    [LoggerMessage(207, LogLevel.Error, "Slack {Kind} could not be done ({Error}); the user was told")]
    public static partial void SlackWorkFailed(ILogger logger, Exception exception, string kind, string error);

    [LoggerMessage(208, LogLevel.Information, "Slack Socket Mode connected")]
    public static partial void SlackSocketConnected(ILogger logger);

    [LoggerMessage(209, LogLevel.Information, "Slack Socket Mode asked to disconnect ({Reason}); reconnecting")]
    public static partial void SlackSocketDisconnect(ILogger logger, string? reason);

    [LoggerMessage(210, LogLevel.Warning, "Slack Socket Mode connection lost or refused ({Error}); reconnecting in {DelayMs} ms")]
    public static partial void SlackSocketReconnecting(ILogger logger, string error, long delayMs);

    [LoggerMessage(211, LogLevel.Debug, "Slack {Kind} answered: intent {Intent}, answered {Answered}, {Milliseconds} ms")]
    public static partial void SlackAnswered(ILogger logger, string kind, string intent, bool answered, long milliseconds);

    [LoggerMessage(212, LogLevel.Warning, "Slack response_url on host {Host} refused: not a Slack host")]
    public static partial void SlackResponseUrlRejected(ILogger logger, string host);

    [LoggerMessage(213, LogLevel.Debug, "Slack Socket Mode frame ignored: type {Type}")]
    public static partial void SlackSocketFrameIgnored(ILogger logger, string? type);

    [LoggerMessage(214, LogLevel.Debug, "Slack interaction ignored: type {Type}")]
    public static partial void SlackInteractionIgnored(ILogger logger, string? type);

    [LoggerMessage(215, LogLevel.Information, "Slack feedback stored: {Rating}")]
    public static partial void SlackFeedbackStored(ILogger logger, string rating);

    [LoggerMessage(216, LogLevel.Information, "Slack channel enabled: HTTP endpoints {Http}, Socket Mode {SocketMode}")]
    public static partial void SlackEnabled(ILogger logger, bool http, bool socketMode);

    [LoggerMessage(217, LogLevel.Warning, "Slack refused a table block (invalid_blocks); comparisons go out as section fields from now on")]
    public static partial void SlackTablesRefused(ILogger logger);

    [LoggerMessage(218, LogLevel.Warning, "Slack Home tab Unsubscribe of digest {SubscriptionId} refused: the user is not in that channel")]
    public static partial void SlackHomeUnsubscribeRefused(ILogger logger, long subscriptionId);
    // 300-399: digests (Digests/).
    [LoggerMessage(300, LogLevel.Information, "Digest sent: subscription {SubscriptionId} ({Channel} {ConversationId}), period {Period:O}, {Items} item(s), message {ExternalId}")]
    public static partial void DigestSent(ILogger logger, long subscriptionId, string channel, string conversationId, DateTimeOffset period, int items, string? externalId);

    [LoggerMessage(301, LogLevel.Information, "Digest skipped: nothing new for subscription {SubscriptionId}, period {Period:O}")]
    public static partial void DigestSkippedEmpty(ILogger logger, long subscriptionId, DateTimeOffset period);

    [LoggerMessage(302, LogLevel.Warning, "Digest delivery {DeliveryId} attempt {Attempt} did not go through ({Error}); retrying in {DelayMs} ms")]
    public static partial void DigestRetry(ILogger logger, long deliveryId, int attempt, string? error, long delayMs);

    [LoggerMessage(303, LogLevel.Error, "Digest delivery {DeliveryId} failed after {Attempts} attempt(s): {Error}")]
    public static partial void DigestFailed(ILogger logger, long deliveryId, int attempts, string? error);

    [LoggerMessage(304, LogLevel.Warning, "Subscription {SubscriptionId} ({Channel} {ConversationId}) deactivated: {Reason}")]
    public static partial void SubscriptionDeactivated(ILogger logger, long subscriptionId, string channel, string conversationId, string reason);

    [LoggerMessage(305, LogLevel.Information, "Digest delivery {DeliveryId} was in flight when a process stopped; the channel confirms it arrived as {ExternalId}")]
    public static partial void DigestInDoubtConfirmed(ILogger logger, long deliveryId, string? externalId);

    [LoggerMessage(306, LogLevel.Warning, "Digest delivery {DeliveryId} was in flight when a process stopped and {Channel} cannot be asked whether it arrived; not resending, to avoid a duplicate")]
    public static partial void DigestInDoubtAssumedSent(ILogger logger, long deliveryId, string channel);

    [LoggerMessage(307, LogLevel.Information, "Digest delivery {DeliveryId} was in flight when a process stopped and never arrived; sending it now")]
    public static partial void DigestInDoubtResend(ILogger logger, long deliveryId);

    [LoggerMessage(308, LogLevel.Error, "Digest delivery {DeliveryId} stopped unexpectedly; it will be resumed when its claim lapses")]
    public static partial void DigestDeliveryError(ILogger logger, Exception exception, long deliveryId);

    [LoggerMessage(309, LogLevel.Debug, "Digest period opened: subscription {SubscriptionId}, period {Period:O}, next {Next:O}")]
    public static partial void DigestOpened(ILogger logger, long subscriptionId, DateTimeOffset period, DateTimeOffset next);

    [LoggerMessage(310, LogLevel.Information, "Knowledge changes recorded for digests: {Added} new, {Changed} changed, {Removed} removed, {Unchanged} unchanged")]
    public static partial void KnowledgeChangesRecorded(ILogger logger, int added, int changed, int removed, int unchanged);

    [LoggerMessage(311, LogLevel.Information, "Subscription {SubscriptionId} created: {Channel} {ConversationId}, schedule {Schedule}, filter '{Filter}'")]
    public static partial void SubscriptionCreated(ILogger logger, long subscriptionId, string channel, string conversationId, string schedule, string filter);

    [LoggerMessage(312, LogLevel.Information, "{Count} subscription(s) removed by request in {Channel} {ConversationId}")]
    public static partial void SubscriptionsRemoved(ILogger logger, int count, string channel, string conversationId);

    [LoggerMessage(313, LogLevel.Error, "Digest scheduler pass failed; the next pass retries")]
    public static partial void SchedulerPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(314, LogLevel.Error, "Digest delivery {DeliveryId} has no sender for channel '{Channel}' (is that channel configured?)")]
    public static partial void DigestNoSender(ILogger logger, long deliveryId, string channel);

    [LoggerMessage(315, LogLevel.Warning, "Subscription {SubscriptionId} names schedule '{Schedule}', which is no longer configured; no digests are opened for it until the schedule is restored")]
    public static partial void DigestUnknownSchedule(ILogger logger, long subscriptionId, string schedule);

    [LoggerMessage(316, LogLevel.Information, "Digest scheduler started: schedules {Schedules}; in-process loop {Enabled}")]
    public static partial void SchedulerStarted(ILogger logger, string schedules, bool enabled);

    [LoggerMessage(317, LogLevel.Error, "Could not record knowledge changes for digests; digests will treat them as new at the next successful recording")]
    public static partial void KnowledgeChangesFailed(ILogger logger, Exception exception);

    [LoggerMessage(318, LogLevel.Warning, "Digest delivery {DeliveryId} waits: {Count} recorded knowledge change(s) are not in the database this process serves (rebuilt since start?); restart the bot to pick them up")]
    public static partial void DigestWaitingForKnowledge(ILogger logger, long deliveryId, int count);

    // 500-549: shared plumbing (Channels/WorkQueue, Hosting/OutboundHttp, Storage/).
    [LoggerMessage(500, LogLevel.Warning, "{Channel} work queue full ({Pending} pending): refusing new work, starting with a {Kind}")]
    public static partial void WorkRefused(ILogger logger, string channel, string kind, int pending);

    [LoggerMessage(505, LogLevel.Debug, "{Channel} {Kind} refused: its {Share} already has {Limit} pending")]
    public static partial void WorkRefusedForShare(ILogger logger, string channel, string kind, string share, int limit);

    [LoggerMessage(501, LogLevel.Error, "{Channel} {Kind} failed")]
    public static partial void WorkFailed(ILogger logger, Exception exception, string channel, string kind);

    [LoggerMessage(502, LogLevel.Warning, "{Client} attempt {Attempt} got HTTP {Status} {Error}; retrying in {DelayMs} ms")]
    public static partial void OutboundRetry(ILogger logger, string client, int attempt, int status, string error, long delayMs);

    [LoggerMessage(503, LogLevel.Error, "App database write failed: {Error}")]
    public static partial void AppStoreWriteFailed(ILogger logger, string error);

    [LoggerMessage(504, LogLevel.Critical, "App database {Path} is no longer the file the bot opened ({Reason}); writes are refused until restart")]
    public static partial void AppStoreReplaced(ILogger logger, string path, string reason);

    // 400-449: optional LLM phrasing (Answers/LlmPhraser). Never the API key, the prompt or the reply.
    [LoggerMessage(400, LogLevel.Information, "LLM phrasing enabled: model {Model} at {Host}, timeout {TimeoutMs} ms")]
    public static partial void LlmPhrasingEnabled(ILogger logger, string model, string host, long timeoutMs);

    [LoggerMessage(401, LogLevel.Warning, "LLM phrasing rejected ({Reason}) for a {Intent} answer after {Milliseconds} ms; the extractive answer is used")]
    public static partial void LlmPhrasingRejected(ILogger logger, string reason, string intent, long milliseconds);

    [LoggerMessage(402, LogLevel.Warning, "LLM phrasing failed: {Error} (HTTP {Status}) for a {Intent} answer after {Milliseconds} ms; the extractive answer is used")]
    public static partial void LlmPhrasingFailed(ILogger logger, string error, int status, string intent, long milliseconds);

    [LoggerMessage(403, LogLevel.Debug, "LLM phrasing accepted for a {Intent} answer in {Milliseconds} ms")]
    public static partial void LlmPhrasingAccepted(ILogger logger, string intent, long milliseconds);

    // 410-429: optional model answers through the knowledge functions (Answers/KernelAnswerer). Never the API key,
    // the prompt or the reply; the question only with Logging:IncludeMessageText.
    [LoggerMessage(410, LogLevel.Information, "Model answers through knowledge functions enabled: model {Model} at {Host}, at most {MaxCalls} call(s), timeout {TimeoutMs} ms")]
    public static partial void ModelAnswersEnabled(ILogger logger, string model, string host, int maxCalls, long timeoutMs);

    [LoggerMessage(411, LogLevel.Warning, "Model answer rejected ({Reason}) for a {Why} question after {Calls} function call(s), {Milliseconds} ms; the deterministic answer is sent")]
    public static partial void ModelAnswerRejected(ILogger logger, string reason, string why, int calls, long milliseconds);

    [LoggerMessage(412, LogLevel.Warning, "Model answer rejected ({Reason}) for a {Why} question after {Calls} function call(s), {Milliseconds} ms; the deterministic answer is sent. Message {MessageText}")]
    public static partial void ModelAnswerRejectedWithText(ILogger logger, string reason, string why, int calls, long milliseconds, string messageText);

    [LoggerMessage(413, LogLevel.Warning, "Model answer failed: {Error} (HTTP {Status}) for a {Why} question after {Milliseconds} ms; the deterministic answer is sent")]
    public static partial void ModelAnswerFailed(ILogger logger, string error, int status, string why, long milliseconds);

    [LoggerMessage(414, LogLevel.Information, "Model answer accepted for a {Why} question: {Calls} function call(s) ({Functions}), {Citations} citation(s), {Milliseconds} ms")]
    public static partial void ModelAnswerAccepted(ILogger logger, string why, int calls, string functions, int citations, long milliseconds);

    // 100-199: Teams / Bot Framework (Channels/Teams/, Channels/ChatPage/). Never tokens, the app password or message text.
    [LoggerMessage(100, LogLevel.Warning, "No MicrosoftAppId: /api/messages accepts unauthenticated requests (local development, Emulator, Teams playground only)")]
    public static partial void TeamsUnauthenticated(ILogger logger);

    [LoggerMessage(101, LogLevel.Information, "Bot Framework authentication on: {AppType}, signing keys from {MetadataUrl}")]
    public static partial void TeamsAuthenticated(ILogger logger, string appType, string metadataUrl);

    [LoggerMessage(102, LogLevel.Warning, "Bot Framework request rejected with {Status}: {Reason}")]
    public static partial void TeamsRequestRejected(ILogger logger, int status, string reason);

    [LoggerMessage(103, LogLevel.Debug, "Activity of type {Type} ignored")]
    public static partial void TeamsActivityIgnored(ILogger logger, string? type);

    [LoggerMessage(104, LogLevel.Debug, "Teams answer: intent {Intent}, answered {Answered}, {Milliseconds} ms, delivered {Delivered}")]
    public static partial void TeamsAnswered(ILogger logger, string intent, bool answered, long milliseconds, bool delivered);

    [LoggerMessage(105, LogLevel.Error, "Teams answer failed; an error card was sent")]
    public static partial void TeamsAnswerFailed(ILogger logger, Exception exception);

    [LoggerMessage(106, LogLevel.Error, "Teams {Kind} turn failed")]
    public static partial void TeamsTurnFailed(ILogger logger, Exception exception, string kind);

    [LoggerMessage(107, LogLevel.Information, "Welcome card sent ({Type})")]
    public static partial void TeamsWelcomed(ILogger logger, string? type);

    [LoggerMessage(108, LogLevel.Information, "Teams feedback stored: {Rating}")]
    public static partial void TeamsFeedbackStored(ILogger logger, string rating);

    [LoggerMessage(109, LogLevel.Warning, "Connector call for {Type} answered {Status} (operation {OperationId})")]
    public static partial void TeamsSendFailed(ILogger logger, string? type, int status, string? operationId);

    [LoggerMessage(110, LogLevel.Warning, "Connector call for {Type} got no answer: {Error}")]
    public static partial void TeamsSendError(ILogger logger, string? type, string error);

    [LoggerMessage(112, LogLevel.Information, "Bot Framework token acquired, valid {Seconds} s")]
    public static partial void TeamsTokenAcquired(ILogger logger, int seconds);

    [LoggerMessage(113, LogLevel.Information, "Local chat page at / (replies through {ServiceUrl})")]
    public static partial void ChatPageEnabled(ILogger logger, string serviceUrl);

    [LoggerMessage(114, LogLevel.Information, "Teams refused the streaming update ({Status}); a typing indicator instead")]
    public static partial void TeamsStreamRefused(ILogger logger, int status);

    [LoggerMessage(115, LogLevel.Information, "Teams feedback control: {Rating}, answer known {Known}, comment {HasComment}")]
    public static partial void TeamsNativeFeedbackStored(ILogger logger, string rating, bool known, bool hasComment);

    [LoggerMessage(116, LogLevel.Information, "Message extension query: {Results} results in {Milliseconds} ms")]
    public static partial void TeamsComposeQuery(ILogger logger, int results, long milliseconds);

    // 600-699: shared state in PostgreSQL (Storage/). Never the connection string.
    [LoggerMessage(600, LogLevel.Information, "Shared state in PostgreSQL: schema at version {Version} ({Applied} migration(s) applied now)")]
    public static partial void PostgresSchemaReady(ILogger logger, int version, int applied);

    [LoggerMessage(601, LogLevel.Warning, "Shared conversation memory unavailable ({Error}); this message uses what this instance remembers")]
    public static partial void ConversationMemoryUnavailable(ILogger logger, string error);

    [LoggerMessage(602, LogLevel.Warning, "Shared Slack event ids unavailable ({Error}); event {EventId} checked against this instance only")]
    public static partial void SlackEventStoreUnavailable(ILogger logger, string error, string eventId);
}
