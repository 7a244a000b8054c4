using BalkanBot.Knowledge;

namespace BalkanBot.Tests.Knowledge;

/// <summary>
/// The errors a person editing knowledge/ meets on `kb build`: each at the line to fix, once, in plain words, with
/// the file named the way they can open it.
/// </summary>
public sealed class KnowledgeBuildErrorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("balkanbot-kbe-").FullName;
    private string Folder => Path.Combine(_root, "knowledge");

    public KnowledgeBuildErrorTests()
    {
        Write("sources/s.yaml", """
            - id: pupin-brief-2025
              title: "A brief"
              authors: [Ann Author]
              publisher: Somewhere
              date: "2025-05-21"
              kind: policy-brief
            """);
        Write("actors/a.yaml", """
            - id: serbia
              name: Serbia
              kind: state
            - id: hungary
              name: Hungary
              kind: state
            """);
    }

    private void Write(string rel, string text)
    {
        var path = Path.Combine(Folder, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private KnowledgeValidationException Fail(string? displayRoot = null) =>
        Assert.Throws<KnowledgeValidationException>(() => KnowledgeLoader.Load(Folder, displayRoot));

    [Fact]
    public void UnknownSource_InAClaim_IsReportedOnceAtTheSourceLine()
    {
        Write("claims/c.yaml", """
            id: claim-x
            author: "Someone"
            source: pupin-brief-2052
            stance: s
            text: >-
              Something.
            cite:
              - {source: pupin-brief-2052, at: "§ Consequences, para 1"}
            """);
        var e = Assert.Single(Fail().Errors);
        Assert.Equal(3, e.Line);
        Assert.Equal("source", e.Field);
        Assert.Contains("unknown source 'pupin-brief-2052'", e.Message);
        Assert.Contains("did you mean 'pupin-brief-2025'?", e.Message);
        Assert.Contains("also used at line 8", e.Message);
    }

    [Fact]
    public void UnknownSource_CitedSeveralTimes_IsOneErrorAtTheFirstCitation()
    {
        Write("events/e.yaml", """
            id: ev
            name: Event
            kind: attack
            date: "2023-09"
            summary:
              text: x
              cite:
                - {source: nowhere, at: "p1"}
            facts:
              - text: y
                cite:
                  - {source: nowhere, at: "p2"}
            """);
        var e = Assert.Single(Fail().Errors);
        Assert.Equal(8, e.Line);
        Assert.Equal("cite", e.Field);
        Assert.Contains("also used at line 12", e.Message);
    }

    [Fact]
    public void TabIndentation_IsReportedAtTheTabLine()
    {
        Write("events/e.yaml", "id: ev\nname: Event\nkind: attack\ndate: \"2023\"\nsummary:\n\ttext: x\n  cite: [{source: pupin-brief-2025, at: p1}]\n");
        var e = Assert.Single(Fail().Errors);
        Assert.Equal(6, e.Line);
        Assert.Equal("(yaml)", e.Field);
        Assert.Contains("indented with a tab", e.Message);
    }

    [Fact]
    public void UnclosedQuote_IsReportedWhereTheQuoteOpens()
    {
        Write("events/e.yaml", "id: ev\nname: \"Event\nkind: attack\ndate: \"2023\"\n");
        var e = Assert.Single(Fail().Errors);
        Assert.Equal(2, e.Line);
        Assert.Contains("never closed", e.Message);
    }

    [Fact]
    public void YamlError_DoesNotCascadeIntoReferenceErrorsElsewhere()
    {
        Write("agreements/plan.yaml", "id: plan-2025\nname: Plan\nkind: plan\nsigned: \"2025\"\nparties: [serbia, hungary]\nsummary:\n\ttext: x\n");
        Write("claims/c.yaml", """
            - id: claim-a
              author: A
              source: pupin-brief-2025
              about: [plan-2025]
              text: x
              cite: [{source: pupin-brief-2025, at: p1}]
            - id: claim-b
              author: B
              source: pupin-brief-2025
              about: [plan-2025, atlantis]
              text: x
              cite: [{source: pupin-brief-2025, at: p1}]
            """);
        var ex = Fail();
        Assert.Equal(2, ex.Errors.Count);
        Assert.Contains(ex.Errors, e => e.Field == "(yaml)" && e.File.EndsWith("agreements/plan.yaml", StringComparison.Ordinal));
        var real = Assert.Single(ex.Errors, e => e.Field == "about");
        Assert.Contains("'atlantis'", real.Message);
        var note = Assert.Single(ex.Notes);
        Assert.StartsWith("skipped 2 reference checks because ", note);
        Assert.Contains("agreements/plan.yaml could not be read", note);
    }

    [Theory]
    [InlineData("agreements/p.yaml", "id: p\nname: P\nkind: plan\nsigned: \"2025\"\nsummary: {text: x, cite: [{source: pupin-brief-2025, at: p1}]}\nsignatory: x\n", "unknown field for an agreement record")]
    [InlineData("events/e.yaml", "id: e\nname: E\nkind: attack\ndate: \"2025\"\nsummary: {text: x, cite: [{source: pupin-brief-2025, at: p1}]}\nwhen: x\n", "unknown field for an event record")]
    [InlineData("figures/f.yaml", "id: f\nsubject: serbia\nmeasure: tanks\nvalue_text: few\ncite: [{source: pupin-brief-2025, at: p1}]\nsize: x\n", "unknown field for a figure record")]
    public void UnknownField_IsNamedInPlainEnglish(string file, string yaml, string expected)
    {
        Write(file, yaml);
        var e = Assert.Single(Fail().Errors);
        Assert.Equal(6, e.Line);
        Assert.StartsWith(expected, e.Message);
    }

    [Fact]
    public void UnknownField_CloseToARealOne_SuggestsIt()
    {
        Write("agreements/p.yaml", "id: p\nname: P\nkind: plan\nsigned: \"2025\"\nsignatory: x\nsummary: {text: x, cite: [{source: pupin-brief-2025, at: p1}]}\n");
        Assert.Contains("did you mean 'signatories'?", Assert.Single(Fail().Errors).Message);
    }

    [Fact]
    public void UnknownReference_IsReportedAtTheListItem()
    {
        Write("events/e.yaml", """
            id: ev
            name: Event
            kind: attack
            date: "2023"
            actors:
              - serbia
              - hungry
            summary: {text: x, cite: [{source: pupin-brief-2025, at: p1}]}
            """);
        var e = Assert.Single(Fail().Errors);
        Assert.Equal(7, e.Line);
        Assert.Equal("actors", e.Field);
        Assert.Contains("did you mean 'hungary'?", e.Message);
    }

    [Fact]
    public void DuplicateId_IsReportedAtItsIdLine_WithTheFirstDefinition()
    {
        Write("actors/b.yaml", "# another file\n- id: croatia\n  name: Croatia\n  kind: state\n- id: serbia\n  name: Serbia again\n  kind: state\n");
        var e = Assert.Single(Fail().Errors);
        Assert.Equal(5, e.Line);
        Assert.Contains("actors/a.yaml:1", e.Message);
    }

    [Fact]
    public void Paths_AreShownUnderTheFolderAsTyped()
    {
        Write("events/e.yaml", "id: ev\nname: Event\nkind: attack\ndate: \"2025-13\"\nsummary: {text: x, cite: [{source: pupin-brief-2025, at: p1}]}\n");
        Assert.Equal("my-kb/events/e.yaml", Assert.Single(Fail("my-kb/").Errors).File);
    }

    [Fact]
    public void Paths_ByDefault_AreRelativeToTheCurrentDirectoryOrFull()
    {
        var here = Directory.GetCurrentDirectory();
        var inside = Path.Combine(here, "kb", "events", "e.yaml");
        Assert.Equal("kb/events/e.yaml", KnowledgeLoader.DisplayPath(Path.Combine(here, "kb"), inside, null));
        var outside = Path.Combine(Folder, "events", "e.yaml");
        Assert.Equal(Path.GetFullPath(outside).Replace('\\', '/'), KnowledgeLoader.DisplayPath(Folder, outside, null));
    }

    [Fact]
    public void Records_KeepAPathThatDoesNotDependOnTheCaller()
    {
        Assert.All(KnowledgeLoader.Load(Folder, "elsewhere"), r => Assert.StartsWith("knowledge/", r.File));
    }

    [Fact]
    public void Figure_WithQualifierAndPeriod_IsRead()
    {
        Write("figures/f.yaml", """
            - id: fig-fdi
              subject: serbia
              measure: foreign-investment-cumulative
              value: 42
              approx: exact
              value_text: "€42 billion"
              unit: billion EUR
              qualifier: "between 2007 and 2021"
              period: {from: "2007", to: "2021"}
              cite: [{source: pupin-brief-2025, at: p1}]
            """);
        var f = KnowledgeLoader.Load(Folder).Single(r => r.Id == "fig-fdi");
        Assert.Equal("between 2007 and 2021", f.Qualifier);
        Assert.Equal(new DatePeriod(new PartialDate(2007), new PartialDate(2021)), f.Period);
        Assert.Equal("2007–2021", f.Period!.Display);
    }

    [Theory]
    [InlineData("value: 250\napprox: exact\n", "unit", "required")]
    [InlineData("value: 250\nunit: tanks\n", "approx", "required")]
    [InlineData("value: 250\nunit: tanks\napprox: range\n", "value_max", "required for a range")]
    [InlineData("value: 250\nvalue_max: 300\nunit: tanks\napprox: about\n", "value_max", "only for approx: range")]
    [InlineData("value: 250\nunit: tanks\napprox: roughly\n", "approx", "must be one of")]
    [InlineData("value: 250\nunit: tanks\napprox: exact\nperiod: {from: \"2021\", to: \"2007\"}\n", "period", "before it starts")]
    public void Figure_IncompleteData_IsAnError(string fields, string field, string message)
    {
        Write("figures/f.yaml", "id: fig-x\nsubject: serbia\nmeasure: tanks\n" + fields + "cite: [{source: pupin-brief-2025, at: p1}]\n");
        var e = Assert.Single(Fail().Errors);
        Assert.Equal(field, e.Field);
        Assert.Contains(message, e.Message);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
