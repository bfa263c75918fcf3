namespace RelationsTracker.Api.Imports;

public static class ImportSetup
{
    /// <summary>The import capability: its settings (validated at start) and the importer.</summary>
    public static void AddImports(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ImportOptions>().Bind(builder.Configuration.GetSection(ImportOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ImportOptions>, ImportOptionsValidation>();
        builder.Services.AddSingleton<Importer>();
        builder.Services.AddSingleton<ImportDownloads>();
        ImportDownloads.AddImportHttpClient(builder.Services);
    }

    /// <summary>Imports run from a durable local queue, a few at a time on each node.</summary>
    public static void AddImportQueue(this Wolverine.WolverineOptions opts)
    {
        opts.PublishMessage<RunImport>().ToLocalQueue(RunImportHandler.Queue);
        opts.LocalQueue(RunImportHandler.Queue).UseDurableInbox().MaximumParallelMessages(4);
        // Feeds' checks, durable and scheduled (CheckFeedHandler).
        opts.PublishMessage<Feeds.CheckFeed>().ToLocalQueue(Feeds.CheckFeedHandler.Queue);
        opts.LocalQueue(Feeds.CheckFeedHandler.Queue).UseDurableInbox();
    }
}
