using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace BalkanBot.Evaluation;

/// <summary>One evaluation question; see tests/eval/questions.yaml for the meaning of each field.</summary>
public sealed class EvalQuestion
{
    public string Q { get; set; } = "";
    public string? Intent { get; set; }
    public List<string> Records { get; set; } = [];
    public List<string> Must { get; set; } = [];
    public List<string> Cite { get; set; } = [];
    public string? Scope { get; set; }
    public List<string> Context { get; set; } = [];

    /// <summary>Questions that must get an honest no-answer.</summary>
    public bool ExpectsNoAnswer => Scope == "out" || (Scope == "hostile" && Records.Count == 0 && Must.Count == 0);
}

public static class EvalSet
{
    public static IReadOnlyList<EvalQuestion> Load(string path)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        using var reader = new StreamReader(path);
        return deserializer.Deserialize<List<EvalQuestion>>(reader) ?? [];
    }
}
