using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace BalkanBot.Evaluation;

/// <summary>One evaluation question; see the headers of tests/eval/questions.yaml and analyst.yaml for each field.</summary>
public sealed class EvalQuestion
{
    public string Q { get; set; } = "";
    public string? Intent { get; set; }
    /// <summary>What the question tests (analyst set): plain, trap, pasted-thread... See <see cref="EvalSet.AnalystKinds"/>.</summary>
    public string? Kind { get; set; }
    public List<string> Records { get; set; } = [];
    public List<string> Must { get; set; } = [];
    public List<string> Cite { get; set; } = [];
    public string? Scope { get; set; }
    public List<string> Context { get; set; } = [];

    /// <summary>Questions that must get an honest no-answer.</summary>
    public bool ExpectsNoAnswer => Scope == "out" || (Scope == "hostile" && Records.Count == 0 && Must.Count == 0);

    /// <summary>A question about something the base knows, asking for a fact no document gives.</summary>
    public bool IsTrap => Kind == "trap";

    /// <summary>The label the per-kind table groups by: the kind, else the scope, else the intent.</summary>
    public string Group => Kind ?? Scope ?? Intent?.ToLowerInvariant() ?? "other";

    /// <summary>Dev or held-out, fixed by the question's text (<see cref="EvalSplit"/>).</summary>
    public EvalHalf Half => EvalSplit.Of(Q);
}

public enum EvalHalf { Dev, HeldOut }

/// <summary>
/// The fixed dev/held-out split. A question's half is decided by its text alone, so nobody picks which questions are
/// held out and the split never drifts: SHA-256 of the UTF-8 bytes of the trimmed, invariant-lowercased question; an
/// even first byte is dev, an odd one held-out.
/// </summary>
public static class EvalSplit
{
    public static EvalHalf Of(string question)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(question.Trim().ToLowerInvariant()));
        return (hash[0] & 1) == 0 ? EvalHalf.Dev : EvalHalf.HeldOut;
    }

    public static string Label(EvalHalf half) => half == EvalHalf.Dev ? "dev" : "held-out";
}

public static class EvalSet
{
    /// <summary>The kinds of tests/eval/analyst.yaml, in the order its header lists them.</summary>
    public static readonly IReadOnlyList<string> AnalystKinds =
    [
        "plain", "definition", "two-dates", "two-in-one", "people", "catchphrase", "numbers-in-prose", "relations",
        "evolution-contrast", "pasted-thread", "markup", "injection", "disagreement", "typos-informal", "out-of-scope", "trap",
    ];

    /// <summary>The sets `balkanbot eval` scores when no --set is given, relative to the repository root.</summary>
    public static readonly IReadOnlyList<string> DefaultPaths = ["tests/eval/questions.yaml", "tests/eval/analyst.yaml", "tests/eval/staff.yaml", "tests/eval/fresh.yaml", "tests/eval/fresh2.yaml", "tests/eval/fresh3.yaml", "tests/eval/fresh4.yaml", "tests/eval/fresh5.yaml", "tests/eval/fresh6.yaml", "tests/eval/fresh7.yaml", "tests/eval/fresh8.yaml", "tests/eval/fresh9.yaml", "tests/eval/fresh10.yaml", "tests/eval/fresh11.yaml", "tests/eval/fresh12.yaml", "tests/eval/fresh13.yaml", "tests/eval/fresh14.yaml", "tests/eval/fresh15.yaml", "tests/eval/fresh16.yaml", "tests/eval/fresh17.yaml", "tests/eval/fresh18.yaml", "tests/eval/fresh19.yaml", "tests/eval/fresh20.yaml", "tests/eval/fresh21.yaml", "tests/eval/fresh22.yaml", "tests/eval/fresh23.yaml", "tests/eval/fresh24.yaml", "tests/eval/fresh25.yaml", "tests/eval/fresh26.yaml", "tests/eval/fresh27.yaml", "tests/eval/fresh28.yaml", "tests/eval/fresh29.yaml", "tests/eval/fresh30.yaml", "tests/eval/fresh31.yaml", "tests/eval/fresh32.yaml", "tests/eval/fresh33.yaml", "tests/eval/fresh34.yaml", "tests/eval/fresh35.yaml", "tests/eval/fresh36.yaml", "tests/eval/fresh37.yaml", "tests/eval/fresh38.yaml", "tests/eval/fresh39.yaml", "tests/eval/fresh40.yaml", "tests/eval/fresh41.yaml", "tests/eval/fresh42.yaml", "tests/eval/fresh43.yaml", "tests/eval/fresh44.yaml", "tests/eval/fresh45.yaml", "tests/eval/fresh46.yaml", "tests/eval/fresh47.yaml", "tests/eval/fresh48.yaml", "tests/eval/fresh49.yaml", "tests/eval/fresh50.yaml", "tests/eval/fresh51.yaml", "tests/eval/fresh52.yaml", "tests/eval/fresh53.yaml"];

    public static IReadOnlyList<EvalQuestion> Load(string path)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        using var reader = new StreamReader(path);
        return deserializer.Deserialize<List<EvalQuestion>>(reader) ?? [];
    }
}
