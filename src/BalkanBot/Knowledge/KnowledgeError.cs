namespace BalkanBot.Knowledge;

/// <summary>A problem in a knowledge file, located precisely enough to fix without searching.</summary>
public sealed record KnowledgeError(string File, int Line, string Field, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}

public sealed class KnowledgeValidationException(IReadOnlyList<KnowledgeError> errors)
    : Exception($"{errors.Count} error(s) in knowledge files:{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Take(50)))
{
    public IReadOnlyList<KnowledgeError> Errors { get; } = errors;
}
