using System.Text.Json.Nodes;

namespace BalkanBot.Tests.Integration;

/// <summary>
/// Every way a payload can go wrong one field at a time: each property and array element in turn replaced by
/// null or a value of another type. The rest of the payload stays valid, so a handler that tolerates junk
/// still has what it needs.
/// </summary>
internal static class JsonFuzz
{
    public static readonly string[] Junk = ["null", "5", "-1.5e300", "\"junk\"", "true", "[]", "{}", "[null]", "[null,5,\"x\",[]]", "{\"a\":null}"];

    /// <summary>(path, mutated JSON) for every node of <paramref name="json"/> and every junk value.</summary>
    public static IEnumerable<(string Path, string Json)> Mutations(string json)
    {
        var root = JsonNode.Parse(json)!;
        foreach (var path in Paths(root, ""))
            foreach (var junk in Junk)
            {
                var copy = JsonNode.Parse(json)!;
                Replace(copy, path, junk);
                yield return (path, copy.ToJsonString());
            }
    }

    private static IEnumerable<string> Paths(JsonNode node, string prefix)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
                    yield return path;
                    if (child is not null) foreach (var p in Paths(child, path)) yield return p;
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var path = $"{prefix}[{i}]";
                    yield return path;
                    if (a[i] is { } child) foreach (var p in Paths(child, path)) yield return p;
                }
                break;
        }
    }

    private static void Replace(JsonNode root, string path, string junk)
    {
        var value = JsonNode.Parse(junk);
        var (parent, last) = Parent(root, path);
        if (last.StartsWith('[')) parent.AsArray()[int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        else parent.AsObject()[last] = value;
    }

    private static (JsonNode Parent, string Last) Parent(JsonNode root, string path)
    {
        var parts = System.Text.RegularExpressions.Regex.Matches(path, @"[^.\[\]]+|\[\d+\]").Select(m => m.Value).ToList();
        var node = root;
        foreach (var part in parts.Take(parts.Count - 1))
            node = part.StartsWith('[') ? node.AsArray()[int.Parse(part[1..^1], System.Globalization.CultureInfo.InvariantCulture)]! : node.AsObject()[part]!;
        return (node, parts[^1]);
    }
}
