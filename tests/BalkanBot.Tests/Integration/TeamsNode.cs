using System.Diagnostics;
using BalkanBot.Tests.TestSupport;

namespace BalkanBot.Tests.Integration;

/// <summary>Runs the Node checks in tests/js (card validator, browser test, playground driver).</summary>
public static class TeamsNode
{
    public static string JsFolder => Path.Combine(SeedKnowledge.RepositoryRoot, "tests", "js");

    /// <summary>Why the Node tests cannot run here, or null. CI installs both (.ci/run), so there they always run.</summary>
    public static string? Missing(bool browser = false)
    {
        if (Which("node") is null) return "node is not on PATH (install Node.js 20+; .ci/run needs it)";
        if (!Directory.Exists(Path.Combine(JsFolder, "node_modules", "adaptivecards")))
            return "tests/js/node_modules is missing: run `cd tests/js && npm ci`";
        if (browser && !File.Exists("/usr/bin/chromium")) return "/usr/bin/chromium is missing: apt-get install -y chromium";
        return null;
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string script, IEnumerable<string> args, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo("node") { WorkingDirectory = JsFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout.TotalSeconds:0} s\n{await stdout}\n{await stderr}");
        }
        return (process.ExitCode, (await stdout) + (await stderr));
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}

/// <summary>A fact that needs Node (and optionally Chromium); skipped outside CI, saying what to install, when they are missing.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute(bool browser = false)
    {
        // Under CI the tools are installed by .ci/run, so a missing one is a failure there, not a skip.
        if (Environment.GetEnvironmentVariable("CI") != "true" && TeamsNode.Missing(browser) is { } why) Skip = why;
    }
}
