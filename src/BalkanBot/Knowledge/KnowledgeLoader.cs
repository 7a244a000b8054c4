using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BalkanBot.Knowledge;

/// <summary>Reads knowledge/ into records and checks every rule the README states; all problems are reported at once.</summary>
internal static partial class KnowledgeLoader
{
    public static readonly IReadOnlyDictionary<string, RecordKind> Folders = new Dictionary<string, RecordKind>
    {
        ["sources"] = RecordKind.Source, ["actors"] = RecordKind.Actor, ["agreements"] = RecordKind.Agreement,
        ["events"] = RecordKind.Event, ["figures"] = RecordKind.Figure, ["claims"] = RecordKind.Claim,
        ["conflicts"] = RecordKind.Conflict,
    };

    private static readonly HashSet<string> Common = ["id", "name", "aliases", "topics", "note", "summary", "facts"];

    private static readonly Dictionary<RecordKind, HashSet<string>> Allowed = new()
    {
        [RecordKind.Source] = ["title", "authors", "publisher", "date", "url", "kind", "via", "via_at"],
        [RecordKind.Actor] = ["kind", "country", "role", "memberships"],
        [RecordKind.Agreement] = ["kind", "signed", "end", "place", "parties", "signatories", "status", "legally_binding", "provisions"],
        [RecordKind.Event] = ["kind", "subkind", "date", "end", "place", "actors", "casualties", "parties"],
        [RecordKind.Figure] = ["subject", "measure", "value", "value_max", "approx", "value_text", "unit", "as_of", "cite"],
        [RecordKind.Claim] = ["author", "source", "stance", "about", "text", "cite"],
        [RecordKind.Conflict] = ["about", "measure"],
    };

    public static IReadOnlyList<KnowledgeRecord> Load(string root)
    {
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"Knowledge folder not found: {root}");
        var errors = new List<KnowledgeError>();
        var records = new List<KnowledgeRecord>();
        foreach (var (folder, kind) in Folders)
        {
            var dir = Path.Combine(root, folder);
            if (!Directory.Exists(dir)) continue;
            foreach (var path in Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories)
                         .Where(p => p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".yml", StringComparison.Ordinal))
                         .Order(StringComparer.Ordinal))
            {
                var rel = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(root))!, path).Replace('\\', '/');
                records.AddRange(LoadFile(path, rel, kind, errors));
            }
        }
        Validate(records, errors);
        if (errors.Count > 0) throw new KnowledgeValidationException(errors);
        return records;
    }

    private static IEnumerable<KnowledgeRecord> LoadFile(string path, string rel, RecordKind kind, List<KnowledgeError> errors)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            errors.Add(new KnowledgeError(rel, (int)ex.Start.Line, "(yaml)", ex.InnerException?.Message ?? ex.Message));
            return [];
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet throws this for some structural breaks (an unclosed flow list); the line is then unknown.
            errors.Add(new KnowledgeError(rel, 0, "(yaml)", "the file is not valid YAML: " + ex.Message));
            return [];
        }
        if (stream.Documents.Count == 0) return [];
        var rootNode = stream.Documents[0].RootNode;
        var nodes = rootNode switch
        {
            YamlMappingNode m => [m],
            YamlSequenceNode s => s.Children.OfType<YamlMappingNode>().ToList(),
            _ => [],
        };
        if (nodes.Count == 0)
        {
            errors.Add(new KnowledgeError(rel, (int)rootNode.Start.Line, "(file)", "expected a record or a list of records"));
            return [];
        }
        return nodes.Select(n => ReadRecord(new YamlFields(n, rel, errors), kind, rel)).OfType<KnowledgeRecord>().ToList();
    }

    private static KnowledgeRecord? ReadRecord(YamlFields f, RecordKind kind, string file)
    {
        foreach (var key in f.Keys)
            if (!Common.Contains(key) && !Allowed[kind].Contains(key))
                f.Error(key, $"unknown field for a {kind.ToString().ToLowerInvariant()} record");

        var id = f.Str("id", required: true);
        if (id is null) return null;
        if (!IdPattern().IsMatch(id)) f.Error("id", $"'{id}' must be lowercase letters, digits and hyphens");

        var place = kind == RecordKind.Event ? f.Mapping("place") : null;
        var placeText = kind == RecordKind.Event ? null : f.Str("place");
        var binding = f.Mapping("legally_binding");

        var record = new KnowledgeRecord
        {
            Id = id, Kind = kind, File = file, Line = f.Line,
            Name = f.Str("name") ?? f.Str("title") ?? (kind is RecordKind.Figure or RecordKind.Claim or RecordKind.Conflict ? id : RequireName(f)),
            Aliases = f.StrList("aliases"),
            Type = f.Str("kind"),
            Subtype = f.Str("subkind"),
            Date = kind switch
            {
                RecordKind.Agreement => f.Date("signed"),
                RecordKind.Event or RecordKind.Source => f.Date("date"),
                _ => null,
            },
            End = f.Date("end"),
            PlaceText = placeText,
            Place = place is null ? null : ReadPlace(f.Child(place)),
            Parties = f.StrList("parties"),
            Actors = f.StrList("actors"),
            Signatories = f.Str("signatories"),
            Status = f.Str("status"),
            LegallyBinding = binding is null ? null : ReadBinding(f.Child(binding)),
            Provisions = f.StrList("provisions"),
            Summary = f.Cited("summary"),
            Facts = f.CitedList("facts"),
            Topics = f.StrList("topics"),
            Casualties = f.Str("casualties"),
            Country = kind == RecordKind.Actor ? f.Str("country") : null,
            Role = f.Cited("role"),
            Memberships = ReadMemberships(f),
            Subject = f.Str("subject", required: kind == RecordKind.Figure),
            Measure = f.Str("measure", required: kind == RecordKind.Figure),
            Value = f.Number("value"),
            ValueMax = f.Number("value_max"),
            Approx = f.Str("approx"),
            ValueText = f.Str("value_text"),
            Unit = f.Str("unit"),
            AsOf = f.Date("as_of"),
            Author = f.Str("author", required: kind == RecordKind.Claim),
            ClaimSource = kind == RecordKind.Claim ? f.Str("source", required: true) : null,
            Stance = f.Str("stance"),
            About = f.StrList("about"),
            Text = f.Str("text", required: kind == RecordKind.Claim),
            Title = f.Str("title", required: kind == RecordKind.Source),
            Authors = f.StrList("authors"),
            Publisher = f.Str("publisher"),
            Url = f.Str("url"),
            Via = f.Str("via"),
            ViaAt = f.Str("via_at"),
            Note = f.Str("note"),
            Cite = f.Citations("cite"),
        };

        CheckCitationsPresent(f, record);
        return record;
    }

    private static string RequireName(YamlFields f)
    {
        f.Error("name", "is required");
        return "";
    }

    private static Place ReadPlace(YamlFields p) => new(p.Str("country"), p.Str("area"), p.Str("location"));

    private static Bindingness ReadBinding(YamlFields b)
    {
        var value = b.Str("value", required: true) ?? "unknown";
        if (value is not ("yes" or "no" or "unknown" or "true" or "false"))
            b.Error("legally_binding.value", $"'{value}' must be yes, no or unknown");
        value = value switch { "true" => "yes", "false" => "no", _ => value };
        var cite = b.Citations("cite");
        if (value != "unknown" && cite.Count == 0) b.Error("legally_binding", "missing citation");
        return new Bindingness(value, cite);
    }

    private static IReadOnlyList<Membership> ReadMemberships(YamlFields f)
    {
        var seq = f.Sequence("memberships");
        if (seq is null) return [];
        var list = new List<Membership>();
        foreach (var item in seq)
        {
            if (item is not YamlMappingNode m) { f.Error("memberships", "every item must be {of, since, cite}", item); continue; }
            var mf = f.Child(m);
            var of = mf.Str("of", required: true);
            var cite = mf.Citations("cite");
            if (cite.Count == 0) mf.Error("memberships", "missing citation");
            if (of is not null) list.Add(new Membership(of, mf.Date("since"), cite));
        }
        return list;
    }

    private static void CheckCitationsPresent(YamlFields f, KnowledgeRecord r)
    {
        switch (r.Kind)
        {
            case RecordKind.Figure when r.Cite.Count == 0:
                f.Error("cite", "missing citation: every figure needs one");
                break;
            case RecordKind.Claim when r.Cite.Count == 0:
                f.Error("cite", "missing citation: every claim needs one");
                break;
            case RecordKind.Agreement or RecordKind.Event or RecordKind.Conflict when r.Summary is null:
                f.Error("summary", "is required");
                break;
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
