using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace BalkanBot.Tests.Integration;

/// <summary>
/// What a container image runs: the publish output, read-only, started from an empty working directory with only
/// environment variables, writing its databases to the data directory.
/// </summary>
public sealed class PublishedAppTests(PublishedApp published) : IClassFixture<PublishedApp>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static Dictionary<string, string> Environment(string data) => new() { ["Data__Directory"] = data };

    [Fact]
    public async Task Start_HttpPortsFromEnvironment_AnswersOnAllInterfacesWithHealthAndReadiness()
    {
        var data = published.NewDirectory("data");
        var environment = Environment(data);
        environment["ASPNETCORE_HTTP_PORTS"] = "0"; // the OS picks a free port; the log line names it

        var (app, address) = await PublishedApp.Running.StartAsync(published.StartInfo(environment), Timeout);
        await using (app)
        {
            Assert.True(address.Host is "[::]" or "0.0.0.0", address.Host);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{address.Port}"), Timeout = Timeout };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
            using var ready = await http.GetAsync("/readyz");
            Assert.True(ready.StatusCode == HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
            using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
            var knowledge = body.RootElement.GetProperty("checks").GetProperty("knowledge");
            Assert.True(knowledge.GetProperty("records").GetInt32() > 300);
            Assert.Matches("^[0-9a-f]{32}$", knowledge.GetProperty("contentHash").GetString());
            Assert.Contains("/api/messages", await http.GetStringAsync("/"));
            Assert.Equal(0, await DockerHealthcheckAsync(address.Port));
            // Not only loopback: an address of this machine's network interfaces answers too, where there is one.
            if (ExternalAddress() is { } external)
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"http://{external}:{address.Port}/healthz")).StatusCode);
        }
        Assert.NotEqual(0, await DockerHealthcheckAsync(address.Port));
        Assert.True(File.Exists(Path.Combine(data, "knowledge.db")), app.Output);
        Assert.True(File.Exists(Path.Combine(data, "app.db")), app.Output);
        Assert.DoesNotContain("   at ", app.Output);
    }

    private static IPAddress? ExternalAddress() =>
        System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == System.Net.NetworkInformation.OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));

    /// <summary>Runs the Dockerfile's HEALTHCHECK command as Docker would (sh -c), against the given port.</summary>
    private static async Task<int> DockerHealthcheckAsync(int port)
    {
        var lines = File.ReadAllLines(Path.Combine(TestSupport.SeedKnowledge.RepositoryRoot, "Dockerfile"));
        var start = Array.FindIndex(lines, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        Assert.True(start >= 0, "the Dockerfile has no HEALTHCHECK");
        var instruction = lines[start];
        for (var i = start + 1; instruction.EndsWith('\\'); i++) instruction = instruction[..^1] + " " + lines[i].Trim();
        var command = instruction[(instruction.IndexOf(" CMD ", StringComparison.Ordinal) + 5)..];
        var psi = new System.Diagnostics.ProcessStartInfo("sh", ["-c", command]);
        psi.Environment["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (await PublishedApp.RunAsync(psi, Timeout)).ExitCode;
    }

    [Fact]
    public async Task Ask_FromEmptyDirectory_AnswersFromThePublishedKnowledge()
    {
        var psi = published.StartInfo(Environment(published.NewDirectory("data")), "ask", "What is CEFTA?");

        var (code, stdout, stderr) = await PublishedApp.RunSplitAsync(psi, Timeout);

        Assert.True(code == 0, stderr);
        Assert.Contains("Central European Free Trade Agreement", stdout);
    }

    [Fact]
    public async Task Start_PortInUse_OneLineAndExitCode1()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var environment = Environment(published.NewDirectory("data"));
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";

        var (code, stdout, stderr) = await PublishedApp.RunSplitAsync(published.StartInfo(environment), Timeout);

        Assert.Equal(1, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("address already in use", line);
        Assert.DoesNotContain("   at ", stdout);
    }

    [Fact]
    public async Task Start_NoDataDirectoryInReadOnlyFolder_OneLineNamingTheSetting()
    {
        // The default data directory is inside the published folder, which is read-only here as in the image.
        Assert.True(PublishedApp.AsNobody || !System.Environment.IsPrivilegedProcess, "root writes anywhere: run the tests with setpriv available");
        var environment = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" };

        var (code, stdout, stderr) = await PublishedApp.RunSplitAsync(published.StartInfo(environment), Timeout);

        Assert.Equal(1, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Data:Directory", line);
        Assert.DoesNotContain("   at ", stdout);
    }

    [Fact]
    public async Task Main_MistypedVerb_OneLineSuggestingTheCommandAndExitCode2()
    {
        var psi = published.StartInfo(Environment(published.NewDirectory("data")), "aks", "What is CEFTA?");

        var (code, stdout, stderr) = await PublishedApp.RunSplitAsync(psi, Timeout);

        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Did you mean 'ask'?", line);
        Assert.Equal("", stdout);
    }
}
