using Microsoft.Extensions.Configuration;

namespace BalkanBot.Hosting;

/// <summary>Configuration for the command line: appsettings.json at the repository root, overlaid by environment variables.</summary>
internal sealed record Settings(IConfiguration Configuration, KnowledgeOptions Knowledge)
{
    public static Settings Load()
    {
        var root = AppPaths.RepositoryRoot() ?? Directory.GetCurrentDirectory();
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(root, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var knowledge = new KnowledgeOptions();
        configuration.GetSection("Knowledge").Bind(knowledge);
        return new Settings(configuration, knowledge);
    }
}
