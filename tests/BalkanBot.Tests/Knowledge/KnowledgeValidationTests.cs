using BalkanBot.Knowledge;

namespace BalkanBot.Tests.Knowledge;

public sealed class KnowledgeValidationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("balkanbot-kv-").FullName;
    private string Folder => Path.Combine(_root, "knowledge");

    public KnowledgeValidationTests()
    {
        Write("sources/s.yaml", """
            - id: doc-a
              title: "A document"
              authors: [Ann Author]
              publisher: Somewhere
              date: "2025-05-21"
              kind: policy-brief
            """);
        Write("actors/a.yaml", """
            - id: serbia
              name: Serbia
              kind: state
              aliases: [Srbija, Србија]
            - id: hungary
              name: Hungary
              kind: state
            """);
        Write("agreements/plan.yaml", """
            id: plan-2025
            name: Defence plan
            kind: plan
            signed: "2025-04-01"
            parties: [serbia, hungary]
            summary:
              text: A plan.
              cite: [{source: doc-a, at: "§ One, para 1"}]
            """);
    }

    private void Write(string rel, string text)
    {
        var path = Path.Combine(Folder, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private KnowledgeError SingleError()
    {
        var ex = Assert.Throws<KnowledgeValidationException>(() => KnowledgeLoader.Load(Folder));
        return Assert.Single(ex.Errors);
    }

    [Fact]
    public void Load_ValidFiles_ReadsAllRecords()
    {
        var records = KnowledgeLoader.Load(Folder);
        Assert.Equal(4, records.Count);
        var plan = records.Single(r => r.Id == "plan-2025");
        Assert.Equal(new PartialDate(2025, 4, 1), plan.Date);
        Assert.Equal(["serbia", "hungary"], plan.Parties);
    }

    [Fact]
    public void Load_BadDate_NamesFileLineAndField()
    {
        Write("events/e.yaml", """
            id: bad-date
            name: Something
            kind: attack
            date: "2025-13-40"
            summary:
              text: x
              cite: [{source: doc-a, at: "p1"}]
            """);
        var e = SingleError();
        Assert.EndsWith("knowledge/events/e.yaml", e.File);
        Assert.Equal(4, e.Line);
        Assert.Equal("date", e.Field);
        Assert.Contains("bad date", e.Message);
    }

    [Fact]
    public void Load_UnknownReferencedId_IsAnError()
    {
        Write("events/e.yaml", """
            id: ev
            name: Event
            kind: attack
            date: "2023-09"
            actors: [atlantis]
            summary: {text: x, cite: [{source: doc-a, at: "p1"}]}
            """);
        var e = SingleError();
        Assert.Equal("actors", e.Field);
        Assert.Contains("atlantis", e.Message);
    }

    [Fact]
    public void Load_DuplicateId_PointsAtFirstDefinition()
    {
        Write("actors/b.yaml", "id: serbia\nname: Serbia again\nkind: state\n");
        var e = SingleError();
        Assert.Equal("id", e.Field);
        Assert.Contains("duplicate id 'serbia'", e.Message);
        Assert.Contains("knowledge/actors/a.yaml", e.Message);
    }

    [Fact]
    public void Load_MissingCitation_IsAnError()
    {
        Write("figures/f.yaml", "id: fig-x\nsubject: serbia\nmeasure: tanks\nvalue: 250\nunit: tanks\napprox: exact\n");
        var e = SingleError();
        Assert.Equal("cite", e.Field);
        Assert.Contains("missing citation", e.Message);
    }

    [Fact]
    public void Load_UnknownSource_IsAnError()
    {
        Write("figures/f.yaml", "id: fig-x\nsubject: serbia\nmeasure: tanks\nvalue: 250\nunit: tanks\napprox: exact\ncite: [{source: nowhere, at: p1}]\n");
        var e = SingleError();
        Assert.Contains("unknown source 'nowhere'", e.Message);
    }

    [Fact]
    public void Load_UnknownField_IsAnError()
    {
        Write("actors/c.yaml", "id: croatia\nname: Croatia\nkind: state\npopulaton: 4\n");
        Assert.Equal("populaton", SingleError().Field);
    }

    [Fact]
    public void Load_BrokenYaml_ReportsTheLine()
    {
        Write("actors/c.yaml", "id: croatia\nname: [unclosed\nkind: state\n");
        var e = SingleError();
        Assert.Equal("(yaml)", e.Field);
        Assert.Contains("knowledge/actors/c.yaml", e.File);
    }

    [Fact]
    public void Build_FailingEdit_KeepsLastGoodDatabase()
    {
        var db = Path.Combine(_root, "kb.db");
        KnowledgeBuilder.Build(Folder, db);
        var before = File.ReadAllBytes(db);
        Write("events/e.yaml", "id: ev\nname: Event\nkind: attack\ndate: \"2025-02-30\"\n");
        Assert.Throws<KnowledgeValidationException>(() => KnowledgeBuilder.Build(Folder, db));
        Assert.Equal(before, File.ReadAllBytes(db));
        using var kb = KnowledgeBase.Open(db);
        Assert.Equal(4, kb.TotalRecords);
        Assert.Empty(Directory.GetFiles(_root, "*.tmp"));
    }

    [Fact]
    public void Build_Rebuild_ReplacesDatabaseAtomically()
    {
        var db = Path.Combine(_root, "kb.db");
        KnowledgeBuilder.Build(Folder, db);
        using (var open = KnowledgeBase.Open(db)) Assert.NotNull(open.Get("plan-2025"));
        Write("actors/c.yaml", "id: croatia\nname: Croatia\nkind: state\n");
        var result = KnowledgeBuilder.Build(Folder, db);
        Assert.Equal(5, result.Records);
        using var kb = KnowledgeBase.Open(db);
        Assert.Equal("Croatia", kb.Get("croatia")?.Name);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}

public sealed class NeedsBuildTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("balkanbot-nb-").FullName;

    [Fact]
    public void NeedsBuild_DatabaseFromOlderSchema_IsRebuilt()
    {
        var folder = Path.Combine(_dir, "knowledge", "actors");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.yaml"), "id: serbia\nname: Serbia\nkind: state\n");
        var db = Path.Combine(_dir, "kb.db");
        KnowledgeBuilder.Build(Path.Combine(_dir, "knowledge"), db);
        Assert.False(BalkanBot.Hosting.AppPaths.NeedsBuild(Path.Combine(_dir, "knowledge"), db));
        using (var conn = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "UPDATE meta SET value = '1' WHERE key = 'schema_version'";
            cmd.ExecuteNonQuery();
        }
        File.SetLastWriteTimeUtc(db, DateTime.UtcNow.AddMinutes(1));
        Assert.True(BalkanBot.Hosting.AppPaths.NeedsBuild(Path.Combine(_dir, "knowledge"), db));
    }

    [Fact]
    public void NeedsBuild_FileChangedButOlderThanTheDatabase_IsRebuilt()
    {
        // A container image or a copy can carry knowledge files with older times than the database in the data volume.
        var folder = Path.Combine(_dir, "knowledge", "actors");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "a.yaml");
        File.WriteAllText(file, "id: serbia\nname: Serbia\nkind: state\n");
        var db = Path.Combine(_dir, "kb.db");
        KnowledgeBuilder.Build(Path.Combine(_dir, "knowledge"), db);

        File.WriteAllText(file, "id: serbia\nname: Republic of Serbia\nkind: state\n");
        File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(db).AddDays(-1));

        Assert.True(BalkanBot.Hosting.AppPaths.NeedsBuild(Path.Combine(_dir, "knowledge"), db));
    }

    [Fact]
    public void NeedsBuild_SameFilesNewerTimes_NotRebuilt()
    {
        var folder = Path.Combine(_dir, "knowledge", "actors");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "a.yaml");
        File.WriteAllText(file, "id: serbia\nname: Serbia\nkind: state\n");
        var db = Path.Combine(_dir, "kb.db");
        KnowledgeBuilder.Build(Path.Combine(_dir, "knowledge"), db);

        File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(db).AddDays(1));

        Assert.False(BalkanBot.Hosting.AppPaths.NeedsBuild(Path.Combine(_dir, "knowledge"), db));
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
