using BalkanBot.Knowledge;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace BalkanBot.Hosting;

/// <summary>
/// Starts the bot and turns the failures an operator can fix (configuration, a port in use, a broken knowledge base
/// with no database yet) into one line on stderr and exit code 1, instead of a stack trace.
/// </summary>
internal static class StartupFailure
{
    public const int ExitCode = 1;

    public static int Run(Func<WebApplication> build, TextWriter error)
    {
        WebApplication app;
        try
        {
            app = build();
        }
        catch (Exception ex) when (Describe(ex, building: true) is { } line)
        {
            error.WriteLine(line);
            return ExitCode;
        }
        try
        {
            app.Run();
            return 0;
        }
        catch (Exception ex) when (Describe(ex, building: false) is { } line)
        {
            error.WriteLine(line);
            return ExitCode;
        }
        finally
        {
            ((IDisposable)app).Dispose();
        }
    }

    /// <summary>The one line for a failure an operator can fix, or null for anything else (a bug keeps its stack trace).</summary>
    public static string? Describe(Exception ex, bool building)
    {
        if (ex is AggregateException { InnerExceptions.Count: 1 } aggregate) ex = aggregate.InnerExceptions[0];
        return ex switch
        {
            OptionsValidationException o => $"Configuration error: {string.Join("; ", o.Failures)}",
            KnowledgeValidationException k =>
                $"The knowledge base has {k.Errors.Count} error(s) and no database has been built from it yet; fix them and start again. " +
                $"First: {string.Join(" | ", k.Errors.Take(3))}",
            DirectoryNotFoundException d => $"Cannot start: {d.Message} (set Knowledge:Folder, or publish with the knowledge folder).",
            IOException { InnerException: AddressInUseException } io =>
                $"Cannot listen: {io.Message} Stop the other process or choose another port (ASPNETCORE_HTTP_PORTS, ASPNETCORE_URLS or --urls).",
            UnauthorizedAccessException u => $"Cannot start: {u.Message} Set Data:Directory (environment: Data__Directory) to a directory this user can write.",
            // The configuration binder names the key it could not convert; the bot's own option readers name theirs.
            InvalidOperationException i when building || i.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
                $"Configuration error: {i.Message}",
            _ => null,
        };
    }
}
