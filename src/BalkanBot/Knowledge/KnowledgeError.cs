namespace BalkanBot.Knowledge;

/// <summary>A problem in a knowledge file, located precisely enough to fix without searching.</summary>
public sealed record KnowledgeError(string File, int Line, string Field, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}

/// <summary>
/// The build refused the knowledge files. <see cref="Errors"/> are the problems to fix; <see cref="Notes"/> say which
/// checks could not run (references into a file that could not be parsed).
/// </summary>
public sealed class KnowledgeValidationException(IReadOnlyList<KnowledgeError> errors, IReadOnlyList<string>? notes = null)
    : Exception($"{errors.Count} error(s) in knowledge files:{Environment.NewLine}"
        + string.Join(Environment.NewLine, errors.Take(50).Select(e => e.ToString()).Concat(notes ?? [])))
{
    public IReadOnlyList<KnowledgeError> Errors { get; } = errors;

    public IReadOnlyList<string> Notes { get; } = notes ?? [];
}
