using BalkanBot.Answers;

namespace BalkanBot.Digests;

/// <summary>
/// One digest, laid out the way CrisisWatch reads: a headline per country, then new agreements, new incidents and
/// events, changed figures. Citation numbers run across the whole digest and point into <see cref="Citations"/>.
/// </summary>
public sealed record Digest
{
    public required string Title { get; init; }
    public required string Schedule { get; init; }
    public required DateTimeOffset Since { get; init; }
    public required DateTimeOffset AsOf { get; init; }
    public required string PeriodLabel { get; init; }
    public DigestFilter Filter { get; init; } = DigestFilter.None;
    public IReadOnlyList<CountryHeadline> Headlines { get; init; } = [];
    public IReadOnlyList<DigestItem> Agreements { get; init; } = [];
    public IReadOnlyList<DigestItem> Events { get; init; } = [];
    public IReadOnlyList<FigureChange> Figures { get; init; } = [];
    /// <summary>Items left out to stay inside message limits, per section.</summary>
    public int MoreAgreements { get; init; }
    public int MoreEvents { get; init; }
    public int MoreFigures { get; init; }
    public IReadOnlyList<AnswerCitation> Citations { get; init; } = [];

    public bool IsEmpty => Agreements.Count == 0 && Events.Count == 0 && Figures.Count == 0;
    public int ItemCount => Agreements.Count + Events.Count + Figures.Count + MoreAgreements + MoreEvents + MoreFigures;

    public const string NothingNew = "No new developments in the knowledge base for this period.";
}

public sealed record CountryHeadline(string CountryId, string Country, string Line);

/// <summary>An agreement or an event: date, what, where, who, each line with its numbered sources.</summary>
public sealed record DigestItem(string RecordId, string Name, string? Date, string What, string? Where, string? Who, bool Updated,
    IReadOnlyList<int> Citations, string AskAbout);

/// <summary>A figure first seen (Old is null) or changed since the last digest.</summary>
public sealed record FigureChange(string RecordId, string Name, string? Old, string New, IReadOnlyList<int> Citations, string AskAbout);
