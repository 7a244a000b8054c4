using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace BalkanBot.Knowledge;

/// <summary>
/// Where a value stands in a file: the line of every id, reference and cited source a record holds, so that a rule
/// checked across records (an unknown source, a reference to nothing) can point at the line to fix.
/// </summary>
internal sealed class RecordSpots
{
    private readonly List<(string Field, string Value, int Line)> _items = [];

    /// <summary>The file as the person building will open it.</summary>
    public string File { get; set; } = "";

    /// <summary>The line where the record starts.</summary>
    public int Line { get; set; }

    public void Add(string field, string value, int line) => _items.Add((field, value, line));

    /// <summary>Lines where <paramref name="value"/> stands under one of <paramref name="fields"/>, in file order.</summary>
    public IEnumerable<(string Field, int Line)> Find(string value, params string[] fields) =>
        _items.Where(i => i.Value == value && fields.Contains(i.Field)).Select(i => (i.Field, i.Line)).OrderBy(i => i.Line);
}

/// <summary>Reads typed fields from one YAML mapping and records every problem with its line.</summary>
internal sealed class YamlFields(YamlMappingNode node, string file, List<KnowledgeError> errors, RecordSpots? spots = null)
{
    public int Line => (int)node.Start.Line;

    /// <summary>Lines of the values read so far; children (place, memberships) write into the same map.</summary>
    public RecordSpots Spots { get; } = spots ?? new RecordSpots();

    public bool Has(string key) => node.Children.ContainsKey(new YamlScalarNode(key));

    public IEnumerable<string> Keys => node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "");

    /// <summary>The key itself, for problems with the key rather than its value (an unknown field).</summary>
    public YamlNode? KeyNode(string key) => node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: { } v } && v == key);

    private YamlNode? Get(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    public void Error(string field, string message, YamlNode? at = null) =>
        errors.Add(new KnowledgeError(file, (int)(at ?? Get(field) ?? node).Start.Line, field, message));

    public string? Str(string key, bool required = false)
    {
        var v = Get(key);
        if (v is null || v is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            if (required) Error(key, "is required");
            return null;
        }
        if (v is YamlScalarNode s)
        {
            Spots.Add(key, s.Value!.Trim(), (int)s.Start.Line);
            return s.Value!.Trim();
        }
        Error(key, "must be a single value");
        return null;
    }

    public IReadOnlyList<string> StrList(string key)
    {
        var v = Get(key);
        if (v is null) return [];
        if (v is YamlScalarNode s)
        {
            if (string.IsNullOrWhiteSpace(s.Value)) return [];
            Spots.Add(key, s.Value.Trim(), (int)s.Start.Line);
            return [s.Value.Trim()];
        }
        if (v is YamlSequenceNode seq)
        {
            var list = new List<string>();
            foreach (var item in seq)
            {
                if (item is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
                {
                    list.Add(text.Trim());
                    Spots.Add(key, text.Trim(), (int)item.Start.Line);
                }
                else Error(key, "every item must be a plain value", item);
            }
            return list;
        }
        Error(key, "must be a list");
        return [];
    }

    public PartialDate? Date(string key, bool allowUnknown = true)
    {
        var text = Str(key);
        if (text is null || (allowUnknown && text.Equals("unknown", StringComparison.OrdinalIgnoreCase))) return null;
        if (PartialDate.TryParse(text, out var d)) return d;
        Error(key, $"bad date '{text}': use YYYY, YYYY-MM, YYYY-MM-DD or unknown");
        return null;
    }

    public double? Number(string key)
    {
        var text = Str(key);
        if (text is null) return null;
        if (double.TryParse(text.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return n;
        Error(key, $"'{text}' is not a number");
        return null;
    }

    public IReadOnlyList<Citation> Citations(string key, YamlNode? within = null)
    {
        var v = within is YamlMappingNode m
            ? (m.Children.TryGetValue(new YamlScalarNode(key), out var inner) ? inner : null)
            : Get(key);
        if (v is null) return [];
        if (v is not YamlSequenceNode seq) { Error(key, "must be a list of {source, at}", v); return []; }
        var list = new List<Citation>();
        foreach (var item in seq)
        {
            if (item is YamlMappingNode c
                && c.Children.TryGetValue(new YamlScalarNode("source"), out var src) && src is YamlScalarNode { Value: { Length: > 0 } s })
            {
                var at = c.Children.TryGetValue(new YamlScalarNode("at"), out var a) && a is YamlScalarNode { Value: { } av } ? av.Trim() : "";
                if (at.Length == 0) Error(key, $"citation of '{s}' has no locator (at)", item);
                Spots.Add("cite", s.Trim(), (int)src.Start.Line);
                list.Add(new Citation(s.Trim(), at));
            }
            else Error(key, "every citation needs source and at", item);
        }
        return list;
    }

    public CitedText? Cited(string key, bool required = false)
    {
        var v = Get(key);
        if (v is null) { if (required) Error(key, "is required"); return null; }
        if (v is YamlMappingNode m)
        {
            var text = m.Children.TryGetValue(new YamlScalarNode("text"), out var t) && t is YamlScalarNode { Value: { } tv } ? tv.Trim() : "";
            if (text.Length == 0) Error(key, "needs text", v);
            var cite = Citations("cite", m);
            if (cite.Count == 0) Error(key, "missing citation", v);
            return new CitedText(text, cite);
        }
        Error(key, "must be {text, cite}", v);
        return null;
    }

    public IReadOnlyList<CitedText> CitedList(string key)
    {
        var v = Get(key);
        if (v is null) return [];
        if (v is not YamlSequenceNode seq) { Error(key, "must be a list of {text, cite}", v); return []; }
        var list = new List<CitedText>();
        foreach (var item in seq)
        {
            if (item is not YamlMappingNode m) { Error(key, "every item must be {text, cite}", item); continue; }
            var text = m.Children.TryGetValue(new YamlScalarNode("text"), out var t) && t is YamlScalarNode { Value: { } tv } ? tv.Trim() : "";
            if (text.Length == 0) Error(key, "item needs text", item);
            var cite = Citations("cite", m);
            if (cite.Count == 0) Error(key, "missing citation", item);
            list.Add(new CitedText(text, cite));
        }
        return list;
    }

    public YamlMappingNode? Mapping(string key)
    {
        var v = Get(key);
        if (v is null) return null;
        if (v is YamlMappingNode m) return m;
        Error(key, "must be a mapping", v);
        return null;
    }

    public YamlSequenceNode? Sequence(string key)
    {
        var v = Get(key);
        if (v is null) return null;
        if (v is YamlSequenceNode s) return s;
        Error(key, "must be a list", v);
        return null;
    }

    public YamlFields Child(YamlMappingNode child) => new(child, file, errors, Spots);
}
