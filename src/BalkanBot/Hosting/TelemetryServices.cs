using BalkanBot.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BalkanBot.Hosting;

/// <summary>
/// OpenTelemetry for the bot's <see cref="Telemetry"/> source and meter, ASP.NET Core and outbound HTTP. Exported over
/// OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise nothing is registered, so nothing listens and nothing
/// leaves the process.
/// </summary>
public static class TelemetryServices
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";
    public const string DefaultServiceName = "balkanbot";

    public static IServiceCollection AddBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey])) return services;
        // The exporter reads the endpoint, protocol and headers from the standard OTEL_EXPORTER_OTLP_* settings.
        services.AddBotOpenTelemetry(configuration[ServiceNameKey]).UseOtlpExporter();
        return services;
    }

    /// <summary>The providers with what the bot records, without an exporter (tests add the in-memory one).</summary>
    public static OpenTelemetryBuilder AddBotOpenTelemetry(this IServiceCollection services, string? serviceName = null) =>
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(string.IsNullOrWhiteSpace(serviceName) ? DefaultServiceName : serviceName))
            .WithTracing(t => t
                .AddSource(Telemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/healthz"))
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddMeter(Telemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
}
