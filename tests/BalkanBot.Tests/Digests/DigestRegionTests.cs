using System.Text.RegularExpressions;
using BalkanBot.Digests;
using BalkanBot.Knowledge;
using BalkanBot.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace BalkanBot.Tests.Digests;

/// <summary>A digest of everything in the real base: the region's countries only, each headline labelled once.</summary>
public sealed class DigestRegionTests(SeedKnowledge seed) : IClassFixture<SeedKnowledge>
{
    private static readonly DateTimeOffset Now = new(2026, 3, 30, 6, 0, 0, TimeSpan.Zero);

    private List<RecordChange> EverythingNew() =>
        seed.Kb.Hashes().Select(h => new RecordChange(h.Id, h.Kind, h.Id, Now, Now, null, null, IsNew: true)).ToList();

    private Digest Compose(DigestFilter filter, IReadOnlyCollection<string>? countries = null) =>
        new DigestComposer(seed.Kb, Options.Create(new DigestOptions { Countries = [.. countries ?? []] })).Compose(EverythingNew(), filter, Now.AddDays(-7), Now, "weekly", TimeZoneInfo.Utc);

    [Fact]
    public void Compose_Default_HeadlinesOnlyForTheRegionsCountries()
    {
        var d = Compose(DigestFilter.None);
        var region = DigestOptions.RegionCountries.Append("").ToHashSet();
        Assert.All(d.Headlines, h => Assert.Contains(h.CountryId, region));
        foreach (var outside in new[] { "Jordan", "Poland", "Azerbaijan", "Türkiye", "Russia", "United States" })
            Assert.DoesNotContain(d.Headlines, h => h.Country == outside);
        Assert.DoesNotContain(d.Agreements.Concat(d.Events), i => i.RecordId is "shusha-declaration-2021" or "second-karabakh-war-2020");
        // Records that name a state of the region stay, filed under it: the original CEFTA under Hungary, not Poland.
        Assert.Contains(d.Headlines, h => h.CountryId == "hungary" && h.Line.Contains("original CEFTA", StringComparison.Ordinal));
        Assert.Contains(d.Headlines, h => h.CountryId == "kosovo");
    }

    [Fact]
    public void Compose_Headlines_NameEachKindOnce()
    {
        var d = Compose(DigestFilter.None);
        Assert.NotEmpty(d.Headlines);
        foreach (var h in d.Headlines)
        {
            Assert.True(Regex.Count(h.Line, "new agreements?:", RegexOptions.IgnoreCase) <= 1, h.Line);
            Assert.True(Regex.Count(h.Line, "new figures?:", RegexOptions.IgnoreCase) <= 1, h.Line);
            Assert.True(char.IsUpper(h.Line[0]), h.Line);
        }
        Assert.Contains(d.Headlines, h => h.Line.StartsWith("New agreements: ", StringComparison.Ordinal) && h.Line.Contains(" and ", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_SubscriptionNamesAStateOutsideTheRegion_ItIsCovered()
    {
        var d = Compose(DigestFilter.Create([], ["azerbaijan"], seed.Kb));
        Assert.Contains(d.Agreements, i => i.RecordId == "shusha-declaration-2021");
        Assert.Equal("Azerbaijan", Assert.Single(d.Headlines).Country);
    }

    [Fact]
    public void Compose_ConfiguredCountries_ReplaceTheDefault()
    {
        var d = Compose(DigestFilter.None, ["azerbaijan", "turkiye"]);
        Assert.Contains(d.Headlines, h => h.CountryId == "azerbaijan" || h.CountryId == "turkiye");
        Assert.DoesNotContain(d.Headlines, h => h.CountryId == "kosovo");
    }

    [Fact]
    public void Compose_ItemsAndFigures_ReadAsEnglish()
    {
        var d = Compose(DigestFilter.None);
        Assert.Contains(d.Agreements, i => i.Name == "Tirana Declaration" && i.AskAbout == "Tell me about the Tirana Declaration");
        Assert.DoesNotContain(d.Figures, f => f.New.Contains("None", StringComparison.Ordinal) || f.New.Contains("billion EUR", StringComparison.Ordinal));
        Assert.DoesNotContain(d.Figures, f => f.Name.EndsWith(')'));
        var text = DigestText.Render(d);
        Assert.DoesNotContain(") (new)", text);
        Assert.Contains(" (new): ", text);
    }

    [Fact]
    public void Options_Countries_DefaultToTheRegionAndReplaceWhenConfigured()
    {
        Assert.Equal(DigestOptions.RegionCountries, DigestOptions.WithDefaults().Countries);
        var configured = DigestOptions.WithDefaults(new DigestOptions { Countries = [" Serbia ", "kosovo"] });
        Assert.Equal(["serbia", "kosovo"], configured.Countries);
    }
}
