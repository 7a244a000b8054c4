using Microsoft.Extensions.Options;

namespace BalkanBot.Hosting;

/// <summary>Bad knowledge paths stop the host at start, naming the key.</summary>
internal sealed class KnowledgeOptionsValidator : IValidateOptions<KnowledgeOptions>
{
    public ValidateOptionsResult Validate(string? name, KnowledgeOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Folder)) errors.Add("Knowledge:Folder must name the folder of knowledge files.");
        if (string.IsNullOrWhiteSpace(o.Database)) errors.Add("Knowledge:Database must name the compiled knowledge database.");
        if (string.IsNullOrWhiteSpace(o.AppDatabase)) errors.Add("Knowledge:AppDatabase must name the app database.");
        // The knowledge database is rebuilt and replaced; the app database holds feedback and subscriptions.
        if (errors.Count == 0 && string.Equals(AppPaths.Resolve(o.Database), AppPaths.Resolve(o.AppDatabase), StringComparison.Ordinal))
            errors.Add("Knowledge:Database and Knowledge:AppDatabase must be different files.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
