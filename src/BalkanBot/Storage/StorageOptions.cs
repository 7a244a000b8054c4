using Microsoft.Extensions.Options;
using Npgsql;

namespace BalkanBot.Storage;

/// <summary>
/// The "Storage" section: where the state that several instances must share lives. Without a PostgreSQL connection
/// string everything stays in this process (the SQLite app database, conversation memory and Slack event ids in
/// memory), which is right for one instance.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Npgsql connection string (env Storage__PostgreSql); set it on every instance of a multi-instance deployment.</summary>
    public string? PostgreSql { get; set; }

    /// <summary>How long a conversation is remembered after its last answer, so "and Hungary?" has something to lean on.</summary>
    public TimeSpan ConversationExpiry { get; set; } = TimeSpan.FromMinutes(30);

    public bool UsesPostgreSql => !string.IsNullOrWhiteSpace(PostgreSql);

    public static StorageOptions Read(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<StorageOptions>() ?? new StorageOptions();
}

/// <summary>Bad storage settings stop the host at start, naming the key and never echoing the connection string.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions o)
    {
        if (o.ConversationExpiry <= TimeSpan.Zero) return ValidateOptionsResult.Fail("Storage:ConversationExpiry must be a positive time (hh:mm:ss).");
        if (!o.UsesPostgreSql) return ValidateOptionsResult.Success;
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(o.PostgreSql);
            return string.IsNullOrWhiteSpace(parsed.Host)
                ? ValidateOptionsResult.Fail("Storage:PostgreSql names no Host (a server name, an address, or a Unix socket directory).")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException)
        {
            return ValidateOptionsResult.Fail("Storage:PostgreSql is not a valid Npgsql connection string (Host=…;Database=…;Username=…).");
        }
    }
}
