using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BalkanBot.Knowledge;

/// <summary>Reads knowledge/ into records and checks every rule the README states; all problems are reported at once.</summary>
internal static partial class KnowledgeLoader
{
    public static readonly IReadOnlyDictionary<string, RecordKind> Folders = new Dictionary<string, RecordKind>
    {
        ["sources"] = RecordKind.Source,
        ["actors"] = RecordKind.Actor,
        ["agreements"] = RecordKind.Agreement,
        ["events"] = RecordKind.Event,
        ["figures"] = RecordKind.Figure,
        ["claims"] = RecordKind.Claim,
        ["conflicts"] = RecordKind.Conflict,
    };

    private static readonly HashSet<string> Common = ["id", "name", "aliases", "topics", "note", "summary", "facts"];

    private static readonly Dictionary<RecordKind, HashSet<string>> Allowed = new()
    {
        [RecordKind.Source] = ["title", "authors", "publisher", "date", "url", "kind", "via", "via_at"],
        [RecordKind.Actor] = ["kind", "country", "role", "memberships"],
        [RecordKind.Agreement] = ["kind", "signed", "end", "place", "parties", "signatories", "status", "legally_binding", "provisions"],
        [RecordKind.Event] = ["kind", "subkind", "date", "end", "place", "actors", "casualties", "parties"],
        [RecordKind.Figure] = ["subject", "measure", "value", "value_max", "approx", "value_text", "unit", "as_of", "qualifier", "period", "cite"],
        [RecordKind.Claim] = ["author", "source", "stance", "about", "text", "cite"],
        [RecordKind.Conflict] = ["about", "measure"],
    };

    /// <summary>How exactly a figure's value is known (README, figures/).</summary>
    private static readonly HashSet<string> ApproxValues = ["exact", "about", "more-than", "less-than", "range"];

    /// <summary>
    /// Loads every record under <paramref name="root"/>. Problems name the file as the person building will find it:
    /// under <paramref name="displayRoot"/> when given (the folder as they typed it), otherwise relative to the
    /// current directory, or in full when the folder lies outside it.
    /// </summary>
    public static IReadOnlyList<KnowledgeRecord> Load(string root, string? displayRoot = null)
    {
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"Knowledge folder not found: {displayRoot ?? root}");
        var errors = new List<KnowledgeError>();
        var records = new List<KnowledgeRecord>();
        var spots = new Dictionary<KnowledgeRecord, RecordSpots>(ReferenceEqualityComparer.Instance);
        var unreadable = new List<UnreadableFile>();
        foreach (var (folder, kind) in Folders)
        {
            var dir = Path.Combine(root, folder);
            if (!Directory.Exists(dir)) continue;
            foreach (var path in Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories)
                         .Where(p => p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".yml", StringComparison.Ordinal))
                         .Order(StringComparer.Ordinal))
            {
                // Records keep a path that does not depend on where the build ran; errors use the one the reader can open.
                var rel = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(root))!, path).Replace('\\', '/');
                var shown = DisplayPath(root, path, displayRoot);
                foreach (var (record, where) in LoadFile(path, shown, kind, errors, unreadable))
                {
                    var r = record with { File = rel };
                    records.Add(r);
                    spots[r] = where;
                }
            }
        }
        var notes = new List<string>();
        Validate(records, spots, errors, unreadable, notes);
        if (errors.Count > 0)
        {
            var ordered = errors.Distinct().Select((e, i) => (e, i))
                .OrderBy(x => x.e.File, StringComparer.Ordinal).ThenBy(x => x.e.Line).ThenBy(x => x.i).Select(x => x.e).ToList();
            throw new KnowledgeValidationException(ordered, notes);
        }
        return records;
    }

    /// <summary>A file that could not be parsed, with the ids it seems to define (read from its text).</summary>
    private sealed record UnreadableFile(string File, IReadOnlySet<string> Ids);

    internal static string DisplayPath(string root, string path, string? displayRoot)
    {
        var full = Path.GetFullPath(path);
        if (displayRoot is not null)
            return Path.Join(displayRoot.TrimEnd('/', '\\'), Path.GetRelativePath(Path.GetFullPath(root), full)).Replace('\\', '/');
        var fromHere = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return (fromHere.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(fromHere) ? full : fromHere).Replace('\\', '/');
    }

    private static List<(KnowledgeRecord, RecordSpots)> LoadFile(string path, string shown, RecordKind kind, List<KnowledgeError> errors,
        List<UnreadableFile> unreadable)
    {
        var text = File.ReadAllText(path);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var (line, message) = DescribeYamlError(text, ex);
            errors.Add(new KnowledgeError(shown, line, "(yaml)", message));
            unreadable.Add(new UnreadableFile(shown, IdsInText(text)));
            return [];
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet throws this for some structural breaks (an unclosed flow list) without a position.
            var line = FirstUnclosedBracketLine(text);
            errors.Add(new KnowledgeError(shown, line, "(yaml)",
                line > 0 ? "a list or mapping opened with [ or { on this line is never closed" : "the file is not valid YAML: " + ex.Message));
            unreadable.Add(new UnreadableFile(shown, IdsInText(text)));
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
            errors.Add(new KnowledgeError(shown, (int)rootNode.Start.Line, "(file)", "expected a record or a list of records"));
            return [];
        }
        var result = new List<(KnowledgeRecord, RecordSpots)>();
        foreach (var n in nodes)
        {
            var f = new YamlFields(n, shown, errors);
            f.Spots.File = shown;
            f.Spots.Line = f.Line;
            if (ReadRecord(f, kind, shown) is { } r) result.Add((r, f.Spots));
        }
        return result;
    }

    /// <summary>A YAML error in plain words, at the line that has to change.</summary>
    private static (int Line, string Message) DescribeYamlError(string text, YamlException ex)
    {
        var message = (ex.InnerException?.Message ?? ex.Message).Trim();
        // YamlDotNet places a tab error at the start of the enclosing mapping; the tab itself is further down.
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            var lines = text.Split('\n');
            for (var i = Math.Max(0, (int)ex.Start.Line - 1); i < lines.Length; i++)
            {
                var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
                if (lines[i][..indent].Contains('\t'))
                    return (i + 1, "this line is indented with a tab; YAML indentation must use spaces");
            }
        }
        var line = (int)ex.Start.Line;
        string plain;
        if (message.Contains("quoted scalar", StringComparison.OrdinalIgnoreCase))
            plain = "a quoted text that starts on this line is never closed (a missing \" or ')";
        else if (message.Contains("did not find expected key", StringComparison.OrdinalIgnoreCase))
            plain = "this line is indented differently from the fields around it, or a field name lacks its ':'";
        else if (message.Contains("invalid mapping", StringComparison.OrdinalIgnoreCase)
                 || message.Contains("mapping values are not allowed", StringComparison.OrdinalIgnoreCase))
            plain = "this line or the one above is not a 'field: value' pair (a missing ':' or a wrong indent)";
        else
            plain = "this is not valid YAML (" + Lowercase(message.TrimEnd('.')) + ")";
        return (line, plain);
    }

    private static string Lowercase(string s) => s.Length > 1 && char.IsUpper(s[0]) && !char.IsUpper(s[1]) ? char.ToLowerInvariant(s[0]) + s[1..] : s;

    private static int FirstUnclosedBracketLine(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var l = StripQuoted(lines[i]);
            if (l.Count(c => c == '[') > l.Count(c => c == ']') || l.Count(c => c == '{') > l.Count(c => c == '}')) return i + 1;
        }
        return 0;
    }

    private static string StripQuoted(string line) => QuotedText().Replace(line, "\"\"");

    /// <summary>The ids a file that cannot be parsed appears to define, so that references to them are not blamed on others.</summary>
    private static HashSet<string> IdsInText(string text) =>
        IdLine().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static KnowledgeRecord? ReadRecord(YamlFields f, RecordKind kind, string file)
    {
        foreach (var key in f.Keys)
            if (!Common.Contains(key) && !Allowed[kind].Contains(key))
            {
                var label = kind.ToString().ToLowerInvariant();
                var hint = Suggest(key, Common.Concat(Allowed[kind]));
                f.Error(key, $"unknown field for {Article(label)} {label} record" + (hint is null ? "" : $" (did you mean '{hint}'?)"),
                    f.KeyNode(key));
            }

        var id = f.Str("id", required: true);
        if (id is null) return null;
        if (!IdPattern().IsMatch(id)) f.Error("id", $"'{id}' must be lowercase letters, digits and hyphens");

        var place = kind == RecordKind.Event ? f.Mapping("place") : null;
        var placeText = kind == RecordKind.Event ? null : f.Str("place");
        var binding = f.Mapping("legally_binding");

        var record = new KnowledgeRecord
        {
            Id = id,
            Kind = kind,
            File = file,
            Line = f.Line,
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
            Qualifier = f.Str("qualifier"),
            Period = ReadPeriod(f),
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
        if (kind == RecordKind.Figure) CheckFigure(f, record);
        return record;
    }

    private static string Article(string word) => "aeiou".Contains(word[0]) ? "an" : "a";

    /// <summary>The closest of <paramref name="candidates"/> to a misspelt word, when one is close enough to be meant.</summary>
    internal static string? Suggest(string wrong, IEnumerable<string> candidates)
    {
        var best = candidates.Distinct().Select(c => (c, d: Distance(wrong, c))).OrderBy(x => x.d).ThenBy(x => x.c, StringComparer.Ordinal).FirstOrDefault();
        return best.c is not null && best.d > 0 && best.d <= Math.Max(2, wrong.Length / 3) ? best.c : null;
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
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

    /// <summary><c>period: {from: "2007", to: "2021"}</c>: the span a figure covers; either end may be left out.</summary>
    private static DatePeriod? ReadPeriod(YamlFields f)
    {
        var map = f.Mapping("period");
        if (map is null) return null;
        var p = f.Child(map);
        foreach (var key in p.Keys)
            if (key is not ("from" or "to")) p.Error("period", $"unknown field '{key}' in period: use from and to", p.KeyNode(key));
        var from = p.Date("from", allowUnknown: false);
        var to = p.Date("to", allowUnknown: false);
        if (from is null && to is null)
        {
            f.Error("period", "needs from, to or both (YYYY, YYYY-MM or YYYY-MM-DD)");
            return null;
        }
        if (from is not null && to is not null && to.EndInclusive < from.Start)
            f.Error("period", $"ends ({to}) before it starts ({from})");
        return new DatePeriod(from, to);
    }

    private static List<Membership> ReadMemberships(YamlFields f)
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

    /// <summary>
    /// A figure with a number carries its unit and how exact it is, so one formatter can say "250–300 tanks" or
    /// "more than 4,500 troops" from the data alone; a range needs both ends.
    /// </summary>
    private static void CheckFigure(YamlFields f, KnowledgeRecord r)
    {
        if (r.Approx is not null && !ApproxValues.Contains(r.Approx))
            f.Error("approx", $"'{r.Approx}' must be one of {string.Join(", ", ApproxValues)}");
        if (r.Value is null)
        {
            if (r.ValueMax is not null) f.Error("value_max", "needs a value (the lower end of the range)");
            if (r.ValueText is null) f.Error("value", "a figure needs a value, a value_text or both");
            return;
        }
        if (r.Unit is null) f.Error("unit", "is required when the figure has a value");
        if (r.Approx is null) f.Error("approx", "is required when the figure has a value (exact, about, more-than, less-than or range)");
        if (r.Approx == "range" && r.ValueMax is null) f.Error("value_max", "is required for a range");
        if (r.ValueMax is not null && r.Approx != "range") f.Error("value_max", "is only for approx: range");
        if (r.ValueMax is not null && r.ValueMax <= r.Value) f.Error("value_max", $"{r.ValueMax} must be greater than value {r.Value}");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[ \t]*(?:-[ \t]+)?id:[ \t]*[""']?([a-z0-9-]+)", RegexOptions.Multiline)]
    private static partial Regex IdLine();

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|'(?:[^']|'')*'")]
    private static partial Regex QuotedText();
}
