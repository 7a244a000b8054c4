using BalkanBot.Knowledge;

namespace BalkanBot.Handlers;

/// <summary>
/// An agreement and the event of its signing are one happening: on a timeline they would be two lines with the same
/// date and the same story. The agreement's line tells it, so the signing event is left out.
/// </summary>
internal static class SameHappening
{
    public static List<KnowledgeRecord> Distinct(IReadOnlyList<KnowledgeRecord> records)
    {
        var agreements = records.Where(r => r is { Kind: RecordKind.Agreement, Date: not null, Parties.Count: > 0 }).ToList();
        return records.Where(r => !agreements.Any(a => IsSigningOf(r, a))).ToList();
    }

    private static bool IsSigningOf(KnowledgeRecord e, KnowledgeRecord agreement) =>
        e.Kind == RecordKind.Event && e.Date?.Iso == agreement.Date!.Iso
        && agreement.Parties.All(e.Actors.Contains)
        && e.Aliases.Append(e.Name).Any(n => TextNormalizer.Tokens(n).Any(t => t.StartsWith("sign", StringComparison.Ordinal)));
}
