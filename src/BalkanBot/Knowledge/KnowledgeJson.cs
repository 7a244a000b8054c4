using System.Text.Json;
using System.Text.Json.Serialization;

namespace BalkanBot.Knowledge;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KnowledgeRecord))]
internal sealed partial class KnowledgeJson : JsonSerializerContext;

internal static class KnowledgeRecordJson
{
    public static string Serialize(KnowledgeRecord r) => JsonSerializer.Serialize(r, KnowledgeJson.Default.KnowledgeRecord);

    public static KnowledgeRecord Deserialize(string json) =>
        JsonSerializer.Deserialize(json, KnowledgeJson.Default.KnowledgeRecord) ?? throw new InvalidDataException("empty record");
}
