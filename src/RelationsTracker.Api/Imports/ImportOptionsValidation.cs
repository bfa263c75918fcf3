using Microsoft.Extensions.Options;
using RelationsTracker.Importing;

namespace RelationsTracker.Api.Imports;

/// <summary>A wrong mapping table stops the service at start, not the first import.</summary>
public sealed class ImportOptionsValidation : IValidateOptions<ImportOptions>
{
    public ValidateOptionsResult Validate(string? name, ImportOptions options)
    {
        var errors = ActorMapping.Create(options.Actors).Errors.Select(e => $"{ImportOptions.Section}:{e}").ToList();
        if (options.MaxBytes <= 0) errors.Add($"{ImportOptions.Section}:MaxBytes must be positive");
        if (options.BatchSize is < 1 or > 50_000) errors.Add($"{ImportOptions.Section}:BatchSize must be 1 to 50,000");
        if (options.Writers is < 1 or > 16) errors.Add($"{ImportOptions.Section}:Writers must be 1 to 16");
        if (options.DownloadTimeoutSeconds < 1) errors.Add($"{ImportOptions.Section}:DownloadTimeoutSeconds must be positive");
        if (options.MaxIndexBytes <= 0) errors.Add($"{ImportOptions.Section}:MaxIndexBytes must be positive");
        if (options.MinimumFeedIntervalSeconds < 1) errors.Add($"{ImportOptions.Section}:MinimumFeedIntervalSeconds must be positive");
        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
