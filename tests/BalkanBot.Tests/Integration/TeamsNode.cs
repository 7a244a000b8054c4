using System.Diagnostics;
using System.Runtime.CompilerServices;
using BalkanBot.Tests.TestSupport;

namespace BalkanBot.Tests.Integration;

/// <summary>Runs the Node checks in tests/js (card validator, browser test, playground driver).</summary>
public static class TeamsNode
{
    public static string JsFolder => Path.Combine(SeedKnowledge.RepositoryRoot, "tests", "js");

    /// <summary>
    /// What is missing for the Node tests and how to enable them, or null. CI installs everything (.ci/run), so there
    /// they always run.
    /// </summary>
    public static string? Missing(bool browser = false)
    {
        if (Which("node") is null)
            return "node is not on PATH; to enable: install Node.js 20 (Debian: apt-get install nodejs npm), then run `cd tests/js && npm ci`";
        if (!Directory.Exists(Path.Combine(JsFolder, "node_modules")))
            return "tests/js/node_modules is missing; to enable: run `cd tests/js && npm ci`";
        var absent = Dependencies().Where(p => !Directory.Exists(Path.Combine(JsFolder, "node_modules", p))).ToList();
        if (absent.Count > 0)
            return $"tests/js/node_modules lacks {absent[0]}{(absent.Count > 1 ? $" and {absent.Count - 1} more" : "")}; to enable: run `cd tests/js && npm ci`";
        if (browser && !File.Exists("/usr/bin/chromium"))
            return "/usr/bin/chromium is missing; to enable: run `apt-get install -y chromium` as root (Debian's package; no browser download)";
        return null;
    }

    /// <summary>The packages tests/js/package.json names: every one must be installed, not just the first.</summary>
    private static List<string> Dependencies()
    {
        using var package = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(JsFolder, "package.json")));
        return package.RootElement.GetProperty("dependencies").EnumerateObject().Select(p => p.Name).ToList();
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

/// <summary>
/// A fact that needs Node (and optionally Chromium). Outside CI, when they are missing, it is skipped and its name
/// says why and how to enable it, since `dotnet test` prints the name of a skipped test but not the reason.
/// </summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute(bool browser = false, [CallerFilePath] string file = "", [CallerMemberName] string test = "")
    {
        // Under CI the tools are installed by .ci/run, so a missing one is a failure there, not a skip.
        if (Environment.GetEnvironmentVariable("CI") == "true" || TeamsNode.Missing(browser) is not { } why) return;
        Skip = why;
        DisplayName = $"{Path.GetFileNameWithoutExtension(file)}.{test} (skipped: {why})";
    }
}
