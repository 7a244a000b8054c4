using BalkanBot.Knowledge;
using BalkanBot.Tests.TestSupport;

namespace BalkanBot.Tests.Knowledge;

public sealed class EntityLinkingTests(SeedKnowledge seed) : IClassFixture<SeedKnowledge>
{
    private List<string> Link(string text) =>
        seed.Kb.Aliases.Link(TextNormalizer.Tokens(text), seed.Kb.Vocabulary).Mentions.Select(m => m.RecordId).ToList();

    [Theory]
    [InlineData("Priština")]
    [InlineData("Pristina")]
    [InlineData("Приштина")]
    [InlineData("PRISTINA")]
    public void Link_CapitalInAnyScript_FindsKosovo(string text) => Assert.Contains("kosovo", Link(text));

    [Theory]
    [InlineData("Vučić")]
    [InlineData("Vucic")]
    [InlineData("Вучић")]
    [InlineData("vuicic")]
    public void Link_NameWithOrWithoutDiacritics_FindsVucic(string text) => Assert.Contains("aleksandar-vucic", Link(text));

    [Theory]
    [InlineData("Србија")]
    [InlineData("Srbija")]
    [InlineData("Serbia")]
    [InlineData("serbian")]
    public void Link_SerbiaInAnyForm_FindsSerbia(string text) => Assert.Contains("serbia", Link(text));

    [Theory]
    [InlineData("RS", "republika-srpska")]
    [InlineData("BiH", "bosnia-and-herzegovina")]
    [InlineData("KFOR", "kfor")]
    [InlineData("PfP", "partnership-for-peace")]
    [InlineData("WB6", "western-balkans-six")]
    [InlineData("mini-Schengen", "open-balkan")]
    [InlineData("the Tirana trio", "tirana-declaration-2025")]
    [InlineData("the tirana declaraton", "tirana-declaration-2025")]
    public void Link_AbbreviationOrInformalName_FindsRecord(string text, string id) => Assert.Contains(id, Link(text));

    [Fact]
    public void Link_LongestAliasWins_DeclarationNotCity()
    {
        var ids = Link("What is the Tirana Declaration?");
        Assert.Contains("tirana-declaration-2025", ids);
        Assert.DoesNotContain("albania", ids);
    }

    [Fact]
    public void Link_UnrelatedWords_FindsNothing() => Assert.Empty(Link("how do I bake sourdough bread"));
}
