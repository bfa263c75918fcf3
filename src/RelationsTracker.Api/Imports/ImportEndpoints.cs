using Marten;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Importing;
using RelationsTracker.Api.Webhooks;
using RelationsTracker.Writing;
using Wolverine.Http;
using Wolverine.Marten;

namespace RelationsTracker.Api.Imports;

/// <summary>
/// An analyst imports a file of developments (docs/import.md): POST the file, get 202 and where to follow it.
/// The body is streamed to a spool file (never held in memory), its start is checked, and the import runs in the
/// background, from Wolverine's durable queue (<see cref="RunImportHandler"/>); GET /api/imports/{id} shows its progress.
/// </summary>
[Tags("Imports")]
public static class ImportEndpoints
{
    [WolverinePost("/api/imports", OperationId = "startImport", Summary = "Imports a GDELT 2.0 events file or a CSV of developments, from the body or from a URL")]
    [FileRequestBody("The file, streamed: GDELT 2.0 events (tab-separated, no header) or CSV with a header (docs/import.md); plain, or a zip of the one file (as GDELT publishes it), or gzipped. Empty when url is given.",
        "text/tab-separated-values", "text/csv", "application/zip", "application/gzip", "application/octet-stream")]
    [ProducesResponseType<ImportView>(StatusCodes.Status202Accepted, Description = "The import has started; follow it at Location")]
    [ResponseHeader(StatusCodes.Status202Accepted, "Location")]
    [Problems(400, 413)]
    public static async Task<IResult> Post(
        [AsParameters] ImportQuery query,
        HttpContext context,
        [FromServices] IOptions<ImportOptions> settings,
        [FromServices] IDocumentSession session,
        [FromServices] IMartenOutbox outbox,
        [FromServices] TimeProvider clock,
        [FromServices] Importer importer,
        [FromServices] CallbackHosts hosts,
        CancellationToken ct)
    {
        var request = context.Request;
        var options = settings.Value;
        if (query.Url is not null) return await FromUrlAsync(query, request, options, session, outbox, clock, importer, hosts, ct);
        var format = query.FormatFor(request.ContentType);
        if (format is null) return Problems.Validation("format", ImportQuery.NoFormat);
        var atomic = query.Atomic?.Value ?? false;
        if (request.ContentLength > options.MaxBytes) return TooLarge(options.MaxBytes);

        // This route takes files far larger than Kestrel's default body limit; it has its own.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = options.MaxBytes;

        Directory.CreateDirectory(options.Spool);
        var path = Path.Combine(options.Spool, $"{Guid.NewGuid():N}.upload");
        long bytes = 0;
        var started = false;
        try
        {
            await using (var spool = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.SequentialScan))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
                {
                    bytes += read;
                    if (bytes > options.MaxBytes) return TooLarge(options.MaxBytes);
                    await spool.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            if (ImportFile.StartProblem(path, format.Value) is { } problem) return Problems.Validation("body", problem);
            if (await importer.MappingProblemAsync(format.Value, ct) is { } noMapping) return Problems.Validation("format", noMapping);

            var run = Importer.NewRun(format.Value, atomic, "upload", bytes, clock.GetUtcNow(), options);
            var answer = await StartAsync(run, path, session, outbox, clock, ct);
            started = true;
            return answer;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(options.MaxBytes);
        }
        finally
        {
            if (!started) ImportFile.TryDelete(path);
        }
    }

    /// <summary>
    /// An import of the file at a URL (or of the latest export a GDELT index lists): the URL is checked against the host
    /// rules here, and downloaded by the import itself (<see cref="RunImportHandler"/>), so a slow server holds no request.
    /// </summary>
    private static async Task<IResult> FromUrlAsync(ImportQuery query, HttpRequest request, ImportOptions options, IDocumentSession session,
        IMartenOutbox outbox, TimeProvider clock, Importer importer, CallbackHosts hosts, CancellationToken ct)
    {
        if (await request.Body.ReadAsync(new byte[1], ct) > 0)
            return Problems.Validation("body", "give the file in the body or its url, not both");
        var url = query.Url!;
        if (url.Length > DevelopmentFields.MaxUrl || !DevelopmentFields.IsWebUrl(url))
            return Problems.Validation("url", $"must be an absolute http or https URL of at most {DevelopmentFields.MaxUrl:N0} characters");
        if (hosts.DownloadRefusal(new Uri(url)) is { } refusal) return Problems.Validation("url", refusal);
        var format = query.Format?.Format ?? ImportQuery.FormatOfGdeltFile(url);
        if (format is null) return Problems.Validation("format", ImportQuery.NoFormatForUrl);
        if (await importer.MappingProblemAsync(format.Value, ct) is { } noMapping) return Problems.Validation("format", noMapping);

        Directory.CreateDirectory(options.Spool);
        var run = Importer.NewRun(format.Value, query.Atomic?.Value ?? false, url, 0, clock.GetUtcNow(), options) with { Url = url };
        return await StartAsync(run, Path.Combine(options.Spool, $"{run.Id:N}.download"), session, outbox, clock, ct);
    }

    /// <summary>The import and the message that runs it, stored in one transaction: no import is left unstarted.</summary>
    private static async Task<IResult> StartAsync(ImportRun run, string path, IDocumentSession session, IMartenOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        outbox.Enroll(session);
        session.Store(run);
        await outbox.PublishAsync(new RunImport(run.Id, path));
        await session.SaveChangesAsync(ct);
        return TypedResults.Accepted($"/api/imports/{run.Id}", ImportView.Of(run, clock.GetUtcNow()));
    }

    [WolverineGet("/api/imports", OperationId = "listImports", Summary = "The imports, newest first (the last 100)")]
    [ProducesResponseType<IReadOnlyList<ImportView>>(StatusCodes.Status200OK)]
    public static async Task<IResult> List([FromServices] IQuerySession session, [FromServices] TimeProvider clock, CancellationToken ct)
    {
        var runs = await session.Query<ImportRun>().OrderByDescending(r => r.StartedAt).Take(100).ToListAsync(ct);
        return TypedResults.Ok(runs.Select(r => ImportView.Of(r, clock.GetUtcNow())).ToList());
    }

    [WolverineGet("/api/imports/{id}", OperationId = "getImport", Summary = "An import's progress: rows read, recorded, already imported and rejected (with line numbers)")]
    [ProducesResponseType<ImportView>(StatusCodes.Status200OK)]
    [Problems(400, 404)]
    public static async Task<IResult> Get(string id, [FromServices] IQuerySession session, [FromServices] TimeProvider clock, CancellationToken ct)
    {
        if (Problems.NotAnId(id, "an import", out var guid) is { } notAnId) return notAnId;
        var run = await session.LoadAsync<ImportRun>(guid, ct);
        return run is null ? Problems.NotFound($"No import {id}.") : TypedResults.Ok(ImportView.Of(run, clock.GetUtcNow()));
    }

    private static IResult TooLarge(long max) => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Content Too Large", detail: $"An import file may be at most {max:N0} bytes (Tracker:Imports:MaxBytes).");
}
