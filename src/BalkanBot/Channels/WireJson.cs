using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BalkanBot.Channels;

/// <summary>
/// Reading what channels send, tolerantly: a field of the wrong type reads as absent (null) instead of failing the
/// whole payload, and null or wrong-typed array elements are dropped. A message with junk beside its text is still
/// a message; whether a missing field matters is for the handler to decide (and to answer 400). Applied as a
/// modifier on top of a source-generated context, so the protocol classes stay plain.
/// </summary>
public static class WireJson
{
    /// <summary>Options for reading: <paramref name="context"/>'s options with every property made tolerant.</summary>
    public static JsonSerializerOptions Tolerant(JsonSerializerContext context) => new(context.Options)
    {
        TypeInfoResolver = ((IJsonTypeInfoResolver)context).WithAddedModifier(MakeTolerant),
    };

    public static JsonTypeInfo<T> TypeInfo<T>(this JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    private static void MakeTolerant(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in type.Properties)
        {
            if (property.IsExtensionData || property.CustomConverter is not null) continue;
            property.CustomConverter = ConverterFor(property.PropertyType);
        }
    }

    private static JsonConverter? ConverterFor(Type t)
    {
        var underlying = Nullable.GetUnderlyingType(t) ?? t;
        if (underlying == typeof(JsonElement)) return null; // takes any JSON already
        if (t == typeof(string)) return TolerantString.Instance;
        if (underlying == typeof(bool) || underlying == typeof(int) || underlying == typeof(long) || underlying == typeof(double))
            return (JsonConverter)Activator.CreateInstance(typeof(TolerantScalar<>).MakeGenericType(t))!;
        if (ListElement(t) is { } element)
            return (JsonConverter)Activator.CreateInstance(typeof(TolerantList<,>).MakeGenericType(t, element))!;
        if (t.IsClass && t.GetConstructor(Type.EmptyTypes) is not null && !typeof(System.Collections.IEnumerable).IsAssignableFrom(t))
            return (JsonConverter)Activator.CreateInstance(typeof(TolerantObject<>).MakeGenericType(t))!;
        return null;
    }

    /// <summary>T of List&lt;T&gt;, IList&lt;T&gt;, IReadOnlyList&lt;T&gt; or IEnumerable&lt;T&gt;: the types a List&lt;T&gt; can be assigned to.</summary>
    private static Type? ListElement(Type t)
    {
        if (!t.IsGenericType) return null;
        var definition = t.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>) ||
               definition == typeof(IEnumerable<>) || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>)
            ? t.GetGenericArguments()[0]
            : null;
    }

    /// <summary>Reads one element of an expected shape, or skips it and says no.</summary>
    internal static bool TryRead<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, out T? value)
    {
        value = default;
        var fits = Type.GetTypeCode(typeof(T)) switch
        {
            TypeCode.String => reader.TokenType == JsonTokenType.String,
            _ when typeof(T) == typeof(JsonElement) => reader.TokenType != JsonTokenType.Null,
            _ => reader.TokenType == JsonTokenType.StartObject,
        };
        if (!fits)
        {
            reader.Skip();
            return false;
        }
        value = JsonSerializer.Deserialize(ref reader, options.TypeInfo<T>());
        return value is not null;
    }

    private sealed class TolerantString : JsonConverter<string>
    {
        public static readonly TolerantString Instance = new();

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String) return reader.GetString();
            reader.Skip();
            return null;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>bool, int, long, double (nullable or not): the right token, or a number in a string; otherwise the default.</summary>
    private sealed class TolerantScalar<T> : JsonConverter<T>
    {
        public override bool HandleNull => true;

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
            object? value = (reader.TokenType, Type.GetTypeCode(target)) switch
            {
                (JsonTokenType.True or JsonTokenType.False, TypeCode.Boolean) => reader.GetBoolean(),
                (JsonTokenType.Number, TypeCode.Int32) when reader.TryGetInt32(out var i) => i,
                (JsonTokenType.Number, TypeCode.Int64) when reader.TryGetInt64(out var l) => l,
                (JsonTokenType.Number, TypeCode.Double) when reader.TryGetDouble(out var d) => d,
                (JsonTokenType.String, TypeCode.Int32) when int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
                (JsonTokenType.String, TypeCode.Int64) when long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
                _ => null,
            };
            reader.Skip();
            return value is null ? default : (T)value;
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            switch (value)
            {
                case null: writer.WriteNullValue(); break;
                case bool b: writer.WriteBooleanValue(b); break;
                case int i: writer.WriteNumberValue(i); break;
                case long l: writer.WriteNumberValue(l); break;
                case double d: writer.WriteNumberValue(d); break;
            }
        }
    }

    /// <summary>An object where an object is expected; anything else reads as null.</summary>
    private sealed class TolerantObject<T> : JsonConverter<T> where T : class
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            TryRead<T>(ref reader, options, out var value) ? value : null;

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, options.TypeInfo<T>());
    }

    /// <summary>An array's usable elements (null and wrong-typed ones dropped); anything but an array reads as null.</summary>
    private sealed class TolerantList<TList, TElement> : JsonConverter<TList> where TList : class, IEnumerable<TElement>
    {
        public override TList? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                return null;
            }
            var list = new List<TElement>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                if (TryRead<TElement>(ref reader, options, out var element)) list.Add(element!);
            return (TList)(object)list;
        }

        public override void Write(Utf8JsonWriter writer, TList value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var element in value) JsonSerializer.Serialize(writer, element, options.TypeInfo<TElement>());
            writer.WriteEndArray();
        }
    }
}
