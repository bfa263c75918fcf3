using Marten;
using RelationsTracker.Actors;
using RelationsTracker.Api.Relations;
using RelationsTracker.Developments;
using RelationsTracker.Relations;
using RelationsTracker.Importing;

namespace RelationsTracker.Api.Imports;

/// <summary>
/// Records a batch of an import: the mapped actors it needs first, then its relations shared between writers, each
/// share in one transaction through <see cref="RelationStream"/> with the share's marker (<see cref="ImportShare"/>).
/// </summary>
internal sealed class ImportShareWriter(Importer importer, HashSet<string> actorsThatExist, CancellationToken ct)
{
    public async Task<ImportRun> RecordAsync(ImportRun run, long batch, List<ImportCandidate> candidates, Dictionary<string, Actor> toCreate)
    {
        // The mapped actors the batch needs first, so that every share of it finds them.
        if (toCreate.Count > 0)
        {
            await using var session = importer.Store.LightweightSession();
            foreach (var actor in toCreate.Values) session.Store(actor);
            await session.SaveChangesAsync(ct);
            foreach (var id in toCreate.Keys) actorsThatExist.Add(id);
        }

        var shares = candidates.GroupBy(c => BatchShares.ShareOf(c.Relation, run.Writers));
        var recorded = await Task.WhenAll(shares.Select(share => RecordShareAsync(run.Id, ImportShare.IdOf(run.Id, batch, share.Key), share.ToList())));

        run = run with
        {
            Recorded = run.Recorded + recorded.Sum(r => r.Recorded),
            AlreadyImported = run.AlreadyImported + recorded.Sum(r => r.Already),
            Repeats = run.Repeats + recorded.Sum(r => r.Repeats),
            UpdatedAt = importer.Clock.GetUtcNow(),
        };
        await importer.SaveAsync(run, ct);
        return run;
    }

    /// <summary>
    /// Records one writer's share of a batch in one transaction: the developments not yet recorded, appended to their
    /// relations, with the share's marker; a share whose marker is there was recorded before the import was cut short.
    /// </summary>
    private async Task<(int Recorded, int Already, int Repeats)> RecordShareAsync(Guid runId, string shareId, List<ImportCandidate> candidates)
    {
        (int Recorded, int Already, int Repeats) result = default;
        var repeats = candidates.Sum(c => c.Repeats);
        var committed = await RelationStream.CommitAsync(async () =>
        {
            // An identity map: the inline projection folds onto the Relation documents read below, not reading them again.
            await using var session = importer.Store.IdentitySession();
            // The relations' versions first, then what is recorded: a transaction that records some of these rows
            // in between then fails this one's version check, and the share is decided again on what it wrote.
            var keys = candidates.Select(c => c.Relation.ToString()).Distinct().ToArray();
            var relations = (await session.LoadManyAsync<Relation>(ct, keys)).ToDictionary(r => r.Id, StringComparer.Ordinal);
            if (await session.LoadAsync<ImportShare>(shareId, ct) is { } done)
            {
                result = (done.Recorded, done.Already, done.Repeats);
                return;
            }
            var ids = candidates.Select(c => c.Event.DevelopmentId).Distinct().ToArray();
            var existing = await session.Query<Development>().Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
            var (byRelation, already) = BatchShares.NewDevelopments(candidates, existing);
            if (byRelation.Count == 0)
            {
                result = (0, already, repeats);
                return;
            }

            var now = importer.Clock.GetUtcNow();
            foreach (var (key, list) in byRelation)
            {
                ImportedEventType.Append(session, key, relations.GetValueOrDefault(key), list.Select(c => (object)c.Event), now);
            }
            var recorded = byRelation.Values.Sum(l => l.Count);
            session.Store(new ImportShare(shareId, runId, recorded, already, repeats));
            await session.SaveChangesAsync(ct);
            result = (recorded, already, repeats);
        },
        // Another writer moved one of the relations first: read them again and decide this share again.
        attempt => importer.Logger.LogDebug("Import {Id}: a relation moved while a batch was written; trying again (attempt {Attempt})", runId, attempt));
        return committed
            ? result
            : throw new InvalidOperationException($"The relations of a batch kept changing while it was written ({RelationStream.MaxAttempts} attempts); nothing more of that batch was recorded");
    }
}
