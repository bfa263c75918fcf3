using Marten;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Relations;
using RelationsTracker.Api.Storage;
using RelationsTracker.Developments;
using RelationsTracker.Importing;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Imports;

/// <summary>
/// Records a batch of a mentions file: each article that mentions an imported event becomes a confirming report of
/// that event's development (<see cref="MentionReports"/>), appended to the relations' streams in one transaction with
/// the batch's marker (<see cref="ImportShare"/>), as a batch of developments is.
/// </summary>
internal sealed class ImportMentionWriter(Importer importer, CancellationToken ct)
{
    public async Task<ImportRun> RecordAsync(ImportRun run, long batch, IReadOnlyList<GdeltMention> mentions, bool write)
    {
        // Which development each event became never changes once it is recorded, so it is looked up before the transaction.
        var developmentOf = await DevelopmentsByGdeltEvent.FindAsync(importer.Store, mentions.Select(m => m.GlobalEventId).Distinct().ToArray(), ct);
        var shareId = ImportShare.IdOf(run.Id, batch, 0);
        List<RejectedRow> rejected = [];
        (int Recorded, int Already) counts = default;
        var committed = await RelationStream.CommitAsync(async () =>
        {
            await using var session = importer.Store.IdentitySession();
            // The relations' versions first, then the developments: a report or retraction recorded in between fails this
            // transaction's version check, and the batch is decided again on what is there then.
            var keys = developmentOf.Values.Select(d => d.Relation).Distinct().ToArray();
            var relations = (await session.LoadManyAsync<Relation>(ct, keys)).ToDictionary(r => r.Id, StringComparer.Ordinal);
            var developments = (await session.LoadManyAsync<Development>(ct, developmentOf.Values.Select(d => d.Development).Distinct().ToArray())).ToDictionary(d => d.Id);

            (var reports, rejected, var already) = MentionReports.DecideBatch(mentions,
                eventId => developmentOf.TryGetValue(eventId, out var found) ? developments.GetValueOrDefault(found.Development) : null,
                importer.Clock.Today());
            var recorded = reports.Values.Sum(l => l.Count);
            counts = (recorded, already);
            if (!write) return;
            // A batch recorded before the import was cut short: its counts are the marker's, its rejections the ones above.
            if (await session.LoadAsync<ImportShare>(shareId, ct) is { } done)
            {
                counts = (done.Recorded, done.Already);
                return;
            }
            var now = importer.Clock.GetUtcNow();
            foreach (var (key, list) in reports)
            {
                ImportedEventType.Append(session, key, relations[key], list, now);
            }
            session.Store(new ImportShare(shareId, run.Id, recorded, already));
            await session.SaveChangesAsync(ct);
        },
        attempt => importer.Logger.LogDebug("Import {Id}: a relation moved while a batch of mentions was written; trying again (attempt {Attempt})", run.Id, attempt));
        if (!committed)
            throw new InvalidOperationException($"The relations of a batch kept changing while it was written ({RelationStream.MaxAttempts} attempts); nothing more of that batch was recorded");

        foreach (var row in rejected) run = run.Reject(row);
        run = run with { Recorded = run.Recorded + counts.Recorded, AlreadyImported = run.AlreadyImported + counts.Already, UpdatedAt = importer.Clock.GetUtcNow() };
        if (write) await importer.SaveAsync(run, ct);
        return run;
    }
}
