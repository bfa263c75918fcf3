using Marten;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
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
    [WolverinePost("/api/imports", OperationId = "startImport", Summary = "Imports a GDELT 2.0 events file or a CSV of developments")]
    [Parameters(ApiParameters.ImportFormat, ApiParameters.Atomic)]
    [FileRequestBody("The file, streamed: GDELT 2.0 events (tab-separated, no header) or CSV with a header (docs/import.md); plain, or a zip of the one file (as GDELT publishes it), or gzipped.",
        "text/tab-separated-values", "text/csv", "application/zip", "application/gzip", "application/octet-stream")]
    [ProducesResponseType<ImportView>(StatusCodes.Status202Accepted, Description = "The import has started; follow it at Location")]
    [ResponseHeader(StatusCodes.Status202Accepted, "Location")]
    [Problems(400, 413)]
    public static async Task<IResult> Post(
        HttpContext context,
        [FromServices] IOptions<ImportOptions> settings,
        [FromServices] IDocumentSession session,
        [FromServices] IMartenOutbox outbox,
        [FromServices] TimeProvider clock,
        CancellationToken ct)
    {
        var request = context.Request;
        var options = settings.Value;
        var (format, atomic, errors) = ReadParameters(request);
        if (errors.Any) return errors.ToProblem();
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
            if (ImportFile.StartProblem(path, format!.Value) is { } problem) return Problems.Validation("body", problem);

            var run = Importer.NewRun(format!.Value, atomic, "upload", bytes, clock.GetUtcNow(), options);
            // The import and the message that runs it are stored in one transaction: no import is left unstarted.
            outbox.Enroll(session);
            session.Store(run);
            await outbox.PublishAsync(new RunImport(run.Id, path));
            await session.SaveChangesAsync(ct);
            started = true;
            var location = $"/api/imports/{run.Id}";
            return TypedResults.Accepted(location, ImportView.Of(run, clock.GetUtcNow()));
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

    [WolverineGet("/api/imports/{id}", OperationId = "getImport", Summary = "An import's progress: rows read, recorded, already imported and rejected (with line numbers)")]
    [Parameters(ApiParameters.ImportId)]
    [ProducesResponseType<ImportView>(StatusCodes.Status200OK)]
    [Problems(400, 404)]
    public static async Task<IResult> Get(string id, [FromServices] IQuerySession session, [FromServices] TimeProvider clock, CancellationToken ct)
    {
        if (Problems.NotAnId(id, "an import", out var guid) is { } notAnId) return notAnId;
        var run = await session.LoadAsync<ImportRun>(guid, ct);
        return run is null ? Problems.NotFound($"No import {id}.") : TypedResults.Ok(ImportView.Of(run, clock.GetUtcNow()));
    }

    /// <summary>format=gdelt|csv (else from Content-Type: text/csv or text/tab-separated-values); atomic=true|false.</summary>
    public static (ImportFormat? Format, bool Atomic, FieldErrors Errors) ReadParameters(HttpRequest request)
    {
        var errors = new FieldErrors();
        ImportFormat? format = null;
        var formats = request.Query["format"];
        if (formats.Count > 1) errors.Add("format", "give it once");
        else if (formats.Count == 1)
        {
            format = formats[0] switch { "gdelt" => ImportFormat.Gdelt, "csv" => ImportFormat.Csv, _ => null };
            if (format is null) errors.Add("format", $"'{formats[0]}' is not a format; use gdelt (a GDELT 2.0 events file) or csv");
        }
        else
        {
            var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
            format = mediaType switch { "text/csv" => ImportFormat.Csv, "text/tab-separated-values" => ImportFormat.Gdelt, _ => null };
            if (format is null)
                errors.Add("format", "say which format the file is in: format=gdelt or format=csv (or Content-Type text/tab-separated-values or text/csv)");
        }

        var atomic = false;
        var atomics = request.Query["atomic"];
        if (atomics.Count > 1) errors.Add("atomic", "give it once");
        else if (atomics.Count == 1)
        {
            if (atomics[0] == "true") atomic = true;
            else if (atomics[0] != "false") errors.Add("atomic", $"'{atomics[0]}' is not true or false");
        }
        return (format, atomic, errors);
    }

    private static IResult TooLarge(long max) => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Content Too Large", detail: $"An import file may be at most {max:N0} bytes (Tracker:Imports:MaxBytes).");
}
