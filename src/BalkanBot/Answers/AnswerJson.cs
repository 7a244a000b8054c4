using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BalkanBot.Answers;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Answer))]
internal sealed partial class AnswerJsonContext : JsonSerializerContext;

public static class AnswerJson
{
    // Keeps Cyrillic, diacritics and dashes readable in the output instead of \u escapes.
    private static readonly JsonSerializerOptions Options = new(AnswerJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly AnswerJsonContext Context = new(Options);

    public static string Serialize(Answer answer, bool indented = false) =>
        indented
            ? JsonSerializer.Serialize(answer, new AnswerJsonContext(new JsonSerializerOptions(Options) { WriteIndented = true }).Answer)
            : JsonSerializer.Serialize(answer, Context.Answer);

    public static Answer? Deserialize(string json) => JsonSerializer.Deserialize(json, Context.Answer);
}
