using System.Diagnostics;
using System.Text.RegularExpressions;
using BalkanBot.Answers;
using BalkanBot.Handlers;
using BalkanBot.Knowledge;
using BalkanBot.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BalkanBot.Tests.Answers;

/// <summary>
/// The Semantic Kernel path against a local OpenAI-compatible server that scripts each reply, function calls
/// included, over the repository's knowledge: what is accepted, and every way an answer is refused.
/// </summary>
public sealed partial class KernelAnswererTests(SeedKnowledge seed) : IClassFixture<SeedKnowledge>
{
    private const string Key = "sk-test-key-never-logged";
    private const string GetRecord = "knowledge-get_record";
    private const string Tirana = "Tirana Declaration";
    private const string MultiPart = "When was the Tirana Declaration signed? And what did the Serbia–Hungary plan provide?";

    [Fact]
    public async Task AnswerAsync_CitesWhatTheFunctionReturned_AcceptedAndPhrased()
    {
        await using var server = await FakeChatServer.StartAsync((ctx, request, i) => i == 0
            ? FakeChatServer.ToolCalls(ctx, (GetRecord, new { idOrName = Tirana }))
            : FakeChatServer.Completion(ctx, Echo(request, 0)));
        var (engine, logs) = Engine(server);

        var answer = await engine.AnswerAsync(new Question(MultiPart, "test", "accepted"));

        Assert.True(answer.Phrased, string.Join('\n', logs.Lines));
        Assert.True(answer.Answered);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal(1, citation.N);
        Assert.EndsWith("[1].", answer.Text, StringComparison.Ordinal);
        var tirana = RecordNamed(Tirana);
        Assert.Contains(tirana.Id, answer.RecordIds);
        Assert.Contains(seed.Kb.PassagesOf(tirana).SelectMany(p => p.Cite), c => c.Source == citation.SourceId && c.At == citation.Locator);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal($"Bearer {Key}", server.Requests[0].Authorization);
        var tools = server.Requests[0].Json!["tools"]!.AsArray().Select(t => (string?)t!["function"]!["name"]).ToList();
        Assert.Equal(["knowledge-compare", "knowledge-get_record", "knowledge-records_of", "knowledge-search_passages", "knowledge-timeline"], tools.Order(StringComparer.Ordinal));
        Assert.Contains(logs.Lines, l => l.StartsWith("414 ", StringComparison.Ordinal) && l.Contains("multi-part", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(Key, StringComparison.Ordinal) || l.Contains(MultiPart, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_MultiPartQuestion_AnsweredThroughTwoFunctionCalls()
    {
        await using var server = await FakeChatServer.StartAsync((ctx, request, i) => i switch
        {
            0 => FakeChatServer.ToolCalls(ctx, (GetRecord, new { idOrName = Tirana })),
            1 => FakeChatServer.ToolCalls(ctx, ("knowledge-search_passages", new { query = "What did the Serbia–Hungary plan provide?" })),
            _ => FakeChatServer.Completion(ctx, Echo(request, 0) + " " + Echo(request, 1)),
        });
        var (engine, logs) = Engine(server);

        var answer = await engine.AnswerAsync(new Question(MultiPart, "test", "two-calls"));

        Assert.True(answer.Phrased, string.Join('\n', logs.Lines));
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(2, server.Requests[2].ToolResults.Count);
        Assert.InRange(answer.Citations.Count, 1, 2);
        Assert.Equal(answer.Citations.Select(c => c.N), Enumerable.Range(1, answer.Citations.Count));
        Assert.Equal(2, Regex.Count(answer.Text, @"\.(\s*\[\d+\])+") + Regex.Count(answer.Text, @"(\[\d+\])+\."));
        Assert.Contains(logs.Lines, l => l.StartsWith("414 ", StringComparison.Ordinal) && l.Contains("2 function call(s) (get_record, search_passages)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_CitesACitationNoFunctionReturned_DeterministicAnswerSent()
    {
        var (answer, deterministic, logs) = await AskAsync((request, _) => Echo(request, 0, citation: 99));

        AssertDeterministic(deterministic, answer);
        Assert.Contains(logs.Lines, l => l.Contains("cites [99], which no function returned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_InventedNumber_DeterministicAnswerSent()
    {
        var (answer, deterministic, logs) = await AskAsync((request, _) => $"{Echo(request, 0)} It commits 7,391 troops to joint exercises [{FirstCitation(request)}].");

        AssertDeterministic(deterministic, answer);
        Assert.Contains(logs.Lines, l => l.Contains("states the number '7,391'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_NoCitations_DeterministicAnswerSent()
    {
        var (answer, deterministic, logs) = await AskAsync((request, _) => Regex.Replace(Echo(request, 0), @"\s*\[\d+\]", ""));

        AssertDeterministic(deterministic, answer);
        Assert.Contains(logs.Lines, l => l.Contains("(cites no source)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_OneSentenceUncited_DeterministicAnswerSent()
    {
        var (answer, deterministic, logs) = await AskAsync((request, _) => Echo(request, 0) + " It was a turning point.");

        AssertDeterministic(deterministic, answer);
        Assert.Contains(logs.Lines, l => l.Contains("sentence 2 cites no source", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_NamesSomethingNoFunctionReturned_DeterministicAnswerSent()
    {
        var (answer, deterministic, logs) = await AskAsync((request, _) => $"{Echo(request, 0)} General Zarkovic opposed it [{FirstCitation(request)}].");

        AssertDeterministic(deterministic, answer);
        Assert.Contains(logs.Lines, l => l.Contains("names 'General'", StringComparison.Ordinal) || l.Contains("names 'Zarkovic'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_NamesARecordNoFunctionReturned_DeterministicAnswerSent()
    {
        var (answer, deterministic, logs) = await AskAsync((request, _) => $"{Echo(request, 0)} Hungary joined it later [{FirstCitation(request)}].");

        AssertDeterministic(deterministic, answer);
        Assert.Contains(logs.Lines, l => l.Contains("names 'hungary'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_LoopsOnFunctionCalls_StoppedAtTheBound()
    {
        await using var server = await FakeChatServer.StartAsync((ctx, _, _) => FakeChatServer.ToolCalls(ctx, (GetRecord, new { idOrName = Tirana })));
        var (engine, logs) = Engine(server, maxCalls: 2);

        var answer = await engine.AnswerAsync(new Question(MultiPart, "test", "loop"));

        AssertDeterministic(Deterministic(), answer);
        Assert.Equal(3, server.Requests.Count);
        Assert.Contains(logs.Lines, l => l.Contains("asked for more than 2 function calls", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_AnswerAfterTheTimeout_DeterministicAnswerSent()
    {
        await using var server = await FakeChatServer.StartAsync(async (ctx, request, i) =>
        {
            if (i == 0)
            {
                await FakeChatServer.ToolCalls(ctx, (GetRecord, new { idOrName = Tirana }));
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted);
            await FakeChatServer.Completion(ctx, Echo(request, 0));
        });
        var (engine, logs) = Engine(server, timeoutSeconds: 1);
        var clock = Stopwatch.StartNew();

        var answer = await engine.AnswerAsync(new Question(MultiPart, "test", "slow"));

        AssertDeterministic(Deterministic(), answer);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(8));
        Assert.Contains(logs.Lines, l => l.Contains("(timed out)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_ServerError500_DeterministicAnswerSentWithoutRetrying()
    {
        await using var server = await FakeChatServer.StartAsync(async (ctx, _, _) =>
        {
            ctx.Response.StatusCode = 500;
            await ctx.Response.WriteAsJsonAsync(new { error = new { message = "internal error", type = "server_error" } });
        });
        var (engine, logs) = Engine(server);

        var answer = await engine.AnswerAsync(new Question(MultiPart, "test", "500"));

        AssertDeterministic(Deterministic(), answer);
        Assert.Single(server.Requests);
        Assert.Contains(logs.Lines, l => l.StartsWith("413 ", StringComparison.Ordinal) && l.Contains("HTTP 500", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(Key, StringComparison.Ordinal) || l.Contains("internal error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_MalformedJson_DeterministicAnswerSent()
    {
        await using var server = await FakeChatServer.StartAsync((ctx, _, _) =>
        {
            ctx.Response.ContentType = "application/json";
            return ctx.Response.WriteAsync("{\"id\": \"chatcmpl-test\", \"choices\": [ {\"message\": ");
        });
        var (engine, logs) = Engine(server);

        var answer = await engine.AnswerAsync(new Question(MultiPart, "test", "malformed"));

        AssertDeterministic(Deterministic(), answer);
        Assert.Contains(logs.Lines, l => l.StartsWith("413 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_AzureOpenAI_PostsToTheDeploymentWithApiKey()
    {
        await using var server = await FakeChatServer.StartAsync((ctx, request, i) => i == 0
            ? FakeChatServer.ToolCalls(ctx, (GetRecord, new { idOrName = Tirana }))
            : FakeChatServer.Completion(ctx, Echo(request, 0)));
        var (engine, logs) = Engine(server, provider: LlmProvider.AzureOpenAI);

        var answer = await engine.AnswerAsync(new Question(MultiPart, "test", "azure"));

        Assert.True(answer.Phrased, string.Join('\n', logs.Lines));
        Assert.All(server.Requests, r => Assert.Equal("/openai/deployments/test-model/chat/completions", r.Path));
        Assert.Equal(Key, server.Requests[0].ApiKey);
    }

    [Fact]
    public async Task AnswerAsync_DeterministicAnswerIsGood_ModelNotAsked()
    {
        await using var server = await FakeChatServer.StartAsync((ctx, _, _) => FakeChatServer.Completion(ctx, "unused"));
        var (engine, _) = Engine(server);

        var answer = await engine.AnswerAsync(new Question("When was the Tirana Declaration signed?", "test", "good"));

        Assert.True(answer.Answered);
        Assert.Empty(server.Requests);
    }

    private async Task<(Answer Answer, Answer Deterministic, ListLogger<KernelAnswerer> Logs)> AskAsync(Func<ChatRequest, int, string> finalReply)
    {
        var server = await FakeChatServer.StartAsync((ctx, request, i) => i == 0
            ? FakeChatServer.ToolCalls(ctx, (GetRecord, new { idOrName = Tirana }))
            : FakeChatServer.Completion(ctx, finalReply(request, i)));
        await using (server)
        {
            var (engine, logs) = Engine(server);
            var answer = await engine.AnswerAsync(new Question(MultiPart, "test", Guid.NewGuid().ToString("N")));
            Assert.Equal(2, server.Requests.Count);
            return (answer, Deterministic(), logs);
        }
    }

    private Answer Deterministic() => new AnswerEngine(seed.Kb, IntentHandlers.All()).Answer(new Question(MultiPart, "test", Guid.NewGuid().ToString("N")));

    private static void AssertDeterministic(Answer expected, Answer actual)
    {
        Assert.False(actual.Phrased);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.Citations.Count, actual.Citations.Count);
    }

    private (AnswerEngine Engine, ListLogger<KernelAnswerer> Logs) Engine(FakeChatServer server, int maxCalls = 4, double timeoutSeconds = 10,
        LlmProvider provider = LlmProvider.OpenAI)
    {
        var options = Options.Create(new LlmOptions
        {
            Enabled = true,
            UseKnowledgeFunctions = true,
            Provider = provider,
            Endpoint = provider == LlmProvider.AzureOpenAI ? server.Root : server.Endpoint,
            Model = "test-model",
            FunctionsTimeoutSeconds = timeoutSeconds,
            MaxFunctionCalls = maxCalls,
            MaxRetries = 0,
            ApiKey = Key,
        });
        var logs = new ListLogger<KernelAnswerer>();
        var answerer = new KernelAnswerer(new ModelClients(options), options, seed.Kb, TimeProvider.System, Options.Create(new AnswerLogOptions()), logs);
        return (new AnswerEngine(seed.Kb, IntentHandlers.All(), model: answerer), logs);
    }

    private KnowledgeRecord RecordNamed(string name) =>
        seed.Kb.Aliases.Find(name.ToLowerInvariant().Split(' ')).Select(m => seed.Kb.Get(m.RecordId)).OfType<KnowledgeRecord>().First();

    /// <summary>A reply that repeats the first one-sentence, cited line of a function result, with its citation (or another).</summary>
    private static string Echo(ChatRequest request, int result, int? citation = null)
    {
        var line = Lines(request.ToolResults[result]).First();
        return $"{line.Text} [{citation ?? line.Citation}].";
    }

    private static int FirstCitation(ChatRequest request) => Lines(request.ToolResults[0]).First().Citation;

    private static IEnumerable<(string Text, int Citation)> Lines(string toolResult)
    {
        foreach (Match m in ResultLine().Matches(toolResult))
        {
            var text = m.Groups["text"].Value.Trim().TrimEnd('.');
            if (!text.Contains(". ", StringComparison.Ordinal) && text.Length > 0 && char.IsUpper(text[0]))
                yield return (text, int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex(@"^- (?<text>.+?) \[(?<n>\d+)\](?: \[\d+\])* \(record [^)]+\)$", RegexOptions.Multiline)]
    private static partial Regex ResultLine();
}
