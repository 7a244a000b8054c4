using System.Text.Json;
using BalkanBot.Knowledge;
using BalkanBot.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BalkanBot.Hosting;

/// <summary>
/// /healthz: the process is up (no I/O, for liveness probes). /readyz: every health check tagged
/// <see cref="ReadyTag"/> passes (readiness probes, load balancers); other stores add theirs with the same tag.
/// </summary>
public static class BotHealth
{
    public const string ReadyTag = "ready";

    public static IHealthChecksBuilder AddBotHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<KnowledgeHealthCheck>("knowledge", tags: [ReadyTag])
            .AddCheck<AppStoreHealthCheck>("appDatabase", tags: [ReadyTag]);

    public static void MapBotHealth(this WebApplication app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new Alive("alive")));
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReportAsync,
        });
    }

    private sealed record Alive(string Status);

    /// <summary>{ status, checks: { name: { status, description, data } } }: the knowledge check's data lets a deployment compare instances.</summary>
    private static async Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status.ToString());
            json.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteStartObject(name);
                json.WriteString("status", entry.Status.ToString());
                if (entry.Description is not null) json.WriteString("description", entry.Description);
                foreach (var (key, value) in entry.Data)
                {
                    if (value is int or long) json.WriteNumber(key, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                    else json.WriteString(key, value?.ToString());
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted).ConfigureAwait(false);
    }
}

/// <summary>The knowledge base is open; reports its record count and content hash (equal hashes, equal bases).</summary>
internal sealed class KnowledgeHealthCheck(KnowledgeBase kb) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["records"] = kb.TotalRecords,
            ["contentHash"] = kb.ContentHash ?? "",
            ["builtAt"] = kb.Meta("built_at") ?? "",
        };
        return Task.FromResult(kb.TotalRecords > 0
            ? HealthCheckResult.Healthy($"{kb.TotalRecords} records", data)
            : HealthCheckResult.Unhealthy("the knowledge base holds no records", data: data));
    }
}

/// <summary>The app database takes a write: not read-only, not full, not deleted or replaced while running.</summary>
internal sealed class AppStoreHealthCheck(IAppStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await store.CheckAsync(cancellationToken).ConfigureAwait(false) is { } problem
            ? HealthCheckResult.Unhealthy(problem)
            : HealthCheckResult.Healthy("writable");
}
