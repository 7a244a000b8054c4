using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using BalkanBot.Tests.TestSupport;

namespace BalkanBot.Tests.Integration;

/// <summary>
/// `dotnet publish` of the bot into a temporary folder, made read-only, as a container image would hold it. Runs the
/// published app as a separate process from an empty working directory, configured by environment variables only,
/// as a non-root user when the tests run as root.
/// </summary>
public sealed partial class PublishedApp : IAsyncLifetime
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
    private const UnixFileMode Open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
        | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly string _root = Directory.CreateTempSubdirectory("balkanbot-publish-").FullName;

    public string Folder => Path.Combine(_root, "pub");

    /// <summary>Run as nobody (uid 65534) when the tests run as root and setpriv is there; else as the current user.</summary>
    public static bool AsNobody => Environment.IsPrivilegedProcess && File.Exists("/usr/bin/setpriv");

    public async Task InitializeAsync()
    {
        Chmod(_root, _ => Open);
        // The test run has just built the project in this configuration; publishing only lays out the folder.
        var project = Path.Combine(SeedKnowledge.RepositoryRoot, "src", "BalkanBot", "BalkanBot.csproj");
        var (code, output) = await RunAsync(new ProcessStartInfo("dotnet", ["publish", project, "-c", Configuration, "--no-build", "--nologo", "-o", Folder]),
            TimeSpan.FromMinutes(4));
        Assert.True(code == 0, $"dotnet publish failed ({code}):\n{output}");
        SetReadOnly(Folder, readOnly: true);
    }

    public Task DisposeAsync()
    {
        SetReadOnly(Folder, readOnly: false);
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }

    private static void SetReadOnly(string folder, bool readOnly)
    {
        if (!Directory.Exists(folder)) return;
        const UnixFileMode write = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        foreach (var path in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Append(folder))
            Chmod(path, mode => readOnly ? mode & ~write : mode | UnixFileMode.UserWrite);
    }

    /// <summary>A new empty directory any user can enter and write (the working directory or the data directory).</summary>
    public string NewDirectory(string name)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_root, $"{name}-{Guid.NewGuid():N}")).FullName;
        Chmod(dir, _ => Open | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite);
        return dir;
    }

    /// <summary>File modes exist only off Windows; there the published folder is simply left writable.</summary>
    private static void Chmod(string path, Func<UnixFileMode, UnixFileMode> change)
    {
        if (OperatingSystem.IsWindows()) return;
        File.SetUnixFileMode(path, change(File.GetUnixFileMode(path)));
    }

    /// <summary>The published app with these arguments, from an empty working directory, with only these environment variables.</summary>
    public ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = Path.Combine(Folder, "balkanbot.dll");
        var psi = AsNobody
            ? new ProcessStartInfo("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", dll, .. args])
            : new ProcessStartInfo("dotnet", [dll, .. args]);
        psi.WorkingDirectory = NewDirectory("cwd");
        psi.Environment.Clear();
        psi.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        psi.Environment["HOME"] = psi.WorkingDirectory;
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        return psi;
    }

    /// <summary>Runs to the end and returns the exit code and stdout + stderr.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(ProcessStartInfo psi, TimeSpan timeout)
    {
        var (code, stdout, stderr) = await RunSplitAsync(psi, timeout);
        return (code, stdout + stderr);
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunSplitAsync(ProcessStartInfo psi, TimeSpan timeout)
    {
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
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
            return (-1, await stdout, $"timed out after {timeout.TotalSeconds:0} s\n{await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>A running published bot; disposing stops it.</summary>
    public sealed class Running : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private Running(Process process) => _process = process;

        public string Output { get { lock (_output) return _output.ToString(); } }

        /// <summary>Starts the app and waits for Kestrel's "Now listening on" line, which names the port the OS gave.</summary>
        public static async Task<(Running App, Uri Address)> StartAsync(ProcessStartInfo psi, TimeSpan timeout)
        {
            psi.RedirectStandardOutput = true;
            psi.RedirectStandardError = true;
            var running = new Running(Process.Start(psi)!);
            running._process.OutputDataReceived += (_, e) => running.Line(e.Data);
            running._process.ErrorDataReceived += (_, e) => running.Line(e.Data);
            running._process.BeginOutputReadLine();
            running._process.BeginErrorReadLine();
            running._process.EnableRaisingEvents = true;
            running._process.Exited += (_, _) => running._listening.TrySetException(new InvalidOperationException("the app exited:\n" + running.Output));
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                return (running, await running._listening.Task.WaitAsync(cts.Token));
            }
            catch
            {
                await running.DisposeAsync();
                throw;
            }
        }

        private void Line(string? line)
        {
            if (line is null) return;
            lock (_output) _output.AppendLine(line);
            if (ListeningLine().Match(line) is { Success: true } m) _listening.TrySetResult(new Uri(m.Groups[1].Value));
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }

    [GeneratedRegex(@"Now listening on: (\S+)")]
    private static partial Regex ListeningLine();
}
