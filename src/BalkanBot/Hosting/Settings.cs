using Microsoft.Extensions.Configuration;

namespace BalkanBot.Hosting;

/// <summary>Configuration for the command line: appsettings.json in the app folder, overlaid by environment variables.</summary>
internal sealed record Settings(IConfiguration Configuration, KnowledgeOptions Knowledge)
{
    public static Settings Load()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppPaths.AppRoot(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var knowledge = new KnowledgeOptions();
        configuration.GetSection("Knowledge").Bind(knowledge);
        return new Settings(configuration, knowledge);
    }

    public string KnowledgeFolder => AppPaths.Resolve(Knowledge.Folder);
    public string DatabasePath => AppPaths.InData(Configuration, Knowledge.Database);
    public string AppDatabasePath => AppPaths.InData(Configuration, Knowledge.AppDatabase);
}
