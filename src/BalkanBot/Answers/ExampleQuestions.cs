namespace BalkanBot.Answers;

/// <summary>Questions the base answers well, offered wherever a user needs a start: help, a welcome, an empty message.</summary>
public static class ExampleQuestions
{
    public static readonly IReadOnlyList<string> All =
    [
        "What is the Tirana Declaration?",
        "Compare the Serbia–Hungary and Albania–Croatia–Kosovo blocs",
        "What happened in Republika Srpska in March 2025?",
        "How many troops does KFOR have?",
    ];
}
