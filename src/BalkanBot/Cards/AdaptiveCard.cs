using System.Text.Json.Serialization;

namespace BalkanBot.Cards;

/// <summary>
/// The slice of Adaptive Cards 1.5 our cards use, typed so a misspelt property is a compile error rather than a
/// silently ignored key (the JS renderer ignores unknown keys). Null properties are left out when serialised.
/// </summary>
public sealed class AdaptiveCard
{
    public const string CardVersion = "1.5";

    [JsonPropertyOrder(-2)] public string Type => "AdaptiveCard";
    [JsonPropertyOrder(-1)] public string Version => CardVersion;
    public List<CardElement> Body { get; init; } = [];
    public List<CardAction>? Actions { get; init; }
    /// <summary>Shown by clients that cannot render the card, and used in notifications.</summary>
    public string? FallbackText { get; init; }
    public string? Speak { get; init; }
    /// <summary>Teams-only: full width, so comparison tables are not squeezed into a narrow bubble.</summary>
    public TeamsCardProperties? Msteams { get; init; }
}

public sealed record TeamsCardProperties(string Width);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(Table), "Table")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
public abstract class CardElement
{
    public string? Id { get; init; }
    /// <summary>none, small, default, medium, large, extraLarge, padding.</summary>
    public string? Spacing { get; init; }
    public bool? Separator { get; init; }
}

public sealed class TextBlock : CardElement
{
    public required string Text { get; init; }
    public bool? Wrap { get; init; } = true;
    public string? Size { get; init; }
    public string? Weight { get; init; }
    public string? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public int? MaxLines { get; init; }
    /// <summary>"heading" (1.5) lets screen readers announce section titles.</summary>
    public string? Style { get; init; }
}

public sealed class FactSet : CardElement
{
    public List<Fact> Facts { get; init; } = [];
}

public sealed record Fact(string Title, string Value);

public sealed class Container : CardElement
{
    public List<CardElement> Items { get; init; } = [];
    /// <summary>default, emphasis, good, attention, warning, accent.</summary>
    public string? Style { get; init; }
    public CardAction? SelectAction { get; init; }
}

public sealed class ColumnSet : CardElement
{
    public List<Column> Columns { get; init; } = [];
}

public sealed class Column
{
    public string Type => "Column";
    /// <summary>"auto", "stretch" or a weight such as "2".</summary>
    public string? Width { get; init; }
    public List<CardElement> Items { get; init; } = [];
    public string? VerticalContentAlignment { get; init; }
}

public sealed class Table : CardElement
{
    public List<TableColumnDefinition> Columns { get; init; } = [];
    public List<TableRow> Rows { get; init; } = [];
    public bool? FirstRowAsHeaders { get; init; }
    public bool? ShowGridLines { get; init; }
    public string? GridStyle { get; init; }
    public string? VerticalCellContentAlignment { get; init; }
    /// <summary>What clients without Table (some mobile and older ones, which show it blank) render instead.</summary>
    public CardElement? Fallback { get; init; }
}

public sealed record TableColumnDefinition(int Width);

public sealed class TableRow
{
    public string Type => "TableRow";
    public List<TableCell> Cells { get; init; } = [];
    public string? Style { get; init; }
}

public sealed class TableCell
{
    public string Type => "TableCell";
    public List<CardElement> Items { get; init; } = [];
}

public sealed class ActionSet : CardElement
{
    public List<CardAction> Actions { get; init; } = [];
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
public abstract class CardAction
{
    [JsonPropertyOrder(-1)] public required string Title { get; init; }
    public string? Tooltip { get; init; }
    /// <summary>default, positive, destructive.</summary>
    public string? Style { get; init; }
}

public sealed class OpenUrlAction : CardAction
{
    public required string Url { get; init; }
}

public sealed class SubmitAction : CardAction
{
    public CardActionData? Data { get; init; }
}

/// <summary>Universal Actions: Teams sends an <c>adaptiveCard/action</c> invoke; older clients use the Submit fallback.</summary>
public sealed class ExecuteAction : CardAction
{
    public required string Verb { get; init; }
    public CardActionData? Data { get; init; }
    /// <summary>Always an <see cref="SubmitAction"/>; typed as the base so the "type" discriminator is written.</summary>
    public CardAction? Fallback { get; init; }
}
