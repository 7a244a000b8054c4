using BalkanBot.Answers;
using BalkanBot.Channels.Slack;
using BalkanBot.Handlers;
using BalkanBot.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace BalkanBot.Tests.Channels.Slack;

/// <summary>manifests/slack/manifest.yaml declares every surface, scope and event the code relies on, and
/// docs/slack.md links to it and explains them.</summary>
public sealed class SlackManifestTests(SeedKnowledge seed) : IClassFixture<SeedKnowledge>
{
    private static readonly string ManifestPath = Path.Combine(SeedKnowledge.RepositoryRoot, "manifests", "slack", "manifest.yaml");

    private static YamlMappingNode Manifest()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(ManifestPath);
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (n, key) => ((YamlMappingNode)n).Children[new YamlScalarNode(key)]);

    private static List<string> Scalars(YamlNode node) => ((YamlSequenceNode)node).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();

    private static readonly string[] BotScopes = ["app_mentions:read", "assistant:write", "chat:write", "commands", "im:history",
        "im:read", "im:write", "channels:read", "groups:read", "mpim:read"];

    private static readonly string[] BotEvents = ["app_mention", "message.im", "app_home_opened", "assistant_thread_started",
        "assistant_thread_context_changed"];

    [Fact]
    public void Manifest_DeclaresEveryScopeAndEventTheBotUses()
    {
        var m = Manifest();
        Assert.Equal("true", ((YamlScalarNode)At(m, "features", "app_home", "home_tab_enabled")).Value);
        var scopes = Scalars(At(m, "oauth_config", "scopes", "bot"));
        Assert.All(BotScopes, s => Assert.Contains(s, scopes));
        var events = Scalars(At(m, "settings", "event_subscriptions", "bot_events"));
        Assert.All(BotEvents, e => Assert.Contains(e, events));
        Assert.Equal("true", ((YamlScalarNode)At(m, "settings", "interactivity", "is_enabled")).Value);
    }

    [Fact]
    public void Manifest_MessageShortcut_MatchesTheCallbackIdTheBotHandles()
    {
        var shortcut = (YamlMappingNode)((YamlSequenceNode)At(Manifest(), "features", "shortcuts")).Children.Single();
        Assert.Equal("message", ((YamlScalarNode)At(shortcut, "type")).Value);
        Assert.Equal(SlackShortcuts.AskCallbackId, ((YamlScalarNode)At(shortcut, "callback_id")).Value);
        Assert.Equal(SlackShortcuts.AskName, ((YamlScalarNode)At(shortcut, "name")).Value);
    }

    /// <summary>The manifest's starter prompts show until the bot sets its own; they must still be answered.</summary>
    [Fact]
    public void Manifest_AssistantView_HasADescriptionAndPromptsTheBaseAnswers()
    {
        var view = At(Manifest(), "features", "assistant_view");
        Assert.False(string.IsNullOrWhiteSpace(((YamlScalarNode)At(view, "assistant_description")).Value));
        var prompts = ((YamlSequenceNode)At(view, "suggested_prompts")).Children.Cast<YamlMappingNode>().ToList();
        Assert.InRange(prompts.Count, 1, 4);
        var engine = new AnswerEngine(seed.Kb, IntentHandlers.All());
        Assert.All(prompts, p =>
        {
            var answer = engine.Answer(new Question(((YamlScalarNode)At(p, "message")).Value!, "slack", "manifest-" + Guid.NewGuid()));
            Assert.True(answer.Answered || answer.Intent == BalkanBot.Routing.IntentKind.Help, ((YamlScalarNode)At(p, "message")).Value);
        });
    }

    [Fact]
    public void Docs_LinkToTheManifestResolves_AndNameTheNewScopesAndEvents()
    {
        var docs = Path.Combine(SeedKnowledge.RepositoryRoot, "docs", "slack.md");
        var text = File.ReadAllText(docs);
        var links = System.Text.RegularExpressions.Regex.Matches(text, @"\]\(([^)#\s]+)\)").Select(m => m.Groups[1].Value)
            .Where(l => !l.StartsWith("http", StringComparison.Ordinal)).ToList();
        Assert.Contains(links, l => l.EndsWith("manifest.yaml", StringComparison.Ordinal));
        Assert.All(links, l => Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(docs)!, l)), $"docs/slack.md links to {l}, which does not exist"));
        Assert.All(new[] { "assistant:write", "assistant_thread_started", "assistant_thread_context_changed", "app_home_opened", "channels:read",
            SlackShortcuts.AskCallbackId }, w => Assert.Contains(w, text));
    }
}
