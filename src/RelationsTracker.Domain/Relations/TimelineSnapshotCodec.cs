using RelationsTracker.Developments;

namespace RelationsTracker.Relations;

/// <summary>
/// A relation's developments' histories as the bytes of its snapshot: a compact binary form, each distinct string once
/// (actors, agreements, publishers repeat), so a snapshot is small to read and the histories read back share their
/// strings in memory. A format of this repository's own (docs/architecture.md, "Reads"): <see cref="Format"/> changes
/// with it, and a snapshot of another format is not read.
/// </summary>
public static class TimelineSnapshotCodec
{
    public const int Format = 1;

    public static byte[] Encode(IReadOnlyCollection<DevelopmentHistory> developments)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Writer(buffer))
        {
            writer.Write7BitEncodedInt(developments.Count);
            foreach (var d in developments) writer.History(d);
        }
        return buffer.ToArray();
    }

    public static List<DevelopmentHistory> Decode(byte[] data)
    {
        using var reader = new Reader(new MemoryStream(data, writable: false));
        var count = reader.Read7BitEncodedInt();
        var developments = new List<DevelopmentHistory>(count);
        for (var i = 0; i < count; i++) developments.Add(reader.History());
        return developments;
    }

    private sealed class Writer(Stream stream) : BinaryWriter(stream)
    {
        private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
        private readonly Dictionary<Source, int> _sources = [];

        public void History(DevelopmentHistory d)
        {
            var f = d.Recorded;
            Span<byte> id = stackalloc byte[16];
            f.Id.TryWriteBytes(id);
            Write(id);
            Write7BitEncodedInt((int)f.Type);
            Date(f.OccurredOn);
            Text(f.Actor);
            Write((byte)f.Significance);
            Text(f.Summary);
            Text(f.Agreement);
            Text(f.Title);
            Text(f.Mission?.Owner);
            if (f.Mission is { } mission) { Text(mission.Kind); Text(mission.City); }
            Instant(f.RecordedAt);
            Write7BitEncodedInt64(f.Version);
            Text(f.CameoCode);
            Write7BitEncodedInt64(d.LastVersion);
            Write7BitEncodedInt(d.Sources.Count);
            foreach (var s in d.Sources) Source(s);
            Write7BitEncodedInt(d.Corrections.Count);
            foreach (var c in d.Corrections)
            {
                Instant(c.RecordedAt);
                Write7BitEncodedInt64(c.Version);
                Text(c.Reason);
                Write(c.OccurredOn is not null);
                if (c.OccurredOn is { } on) Date(on);
                Write7BitEncodedInt(c.Type is { } type ? (int)type + 1 : 0);
                Write((byte)(c.Significance is { } significance ? (int)significance + 1 : 0));
                Text(c.Summary);
                Text(c.CameoCode);
            }
            Write(d.RetractedAt is not null);
            if (d.RetractedAt is { } retractedAt)
            {
                Instant(retractedAt);
                Write7BitEncodedInt64(d.RetractedVersion);
                Text(d.RetractionReason);
            }
            Write7BitEncodedInt(d.Reports.Count);
            foreach (var r in d.Reports)
            {
                Instant(r.RecordedAt);
                Write7BitEncodedInt64(r.Version);
                Write((byte)r.Stance);
                Text(r.SourceKey);
            }
        }

        // As strings: a source met before (the same in every field) is its number.
        private void Source(Source source)
        {
            if (_sources.TryGetValue(source, out var index))
            {
                Write7BitEncodedInt(index + 1);
                return;
            }
            Write7BitEncodedInt(0);
            Text(source.Url); Text(source.Citation); Text(source.Publisher); Text(source.Language);
            Write(source.PublishedOn is not null);
            if (source.PublishedOn is { } on) Date(on);
            _sources[source] = _sources.Count;
        }

        // 0: null; 1: a string met for the first time, which follows; n ≥ 2: the (n − 2)th string met.
        private void Text(string? text)
        {
            if (text is null) Write7BitEncodedInt(0);
            else if (_strings.TryGetValue(text, out var index)) Write7BitEncodedInt(index + 2);
            else
            {
                Write7BitEncodedInt(1);
                Write(text);
                _strings[text] = _strings.Count;
            }
        }

        private void Date(OccurrenceDate date)
        {
            Write(date.EffectiveDate.DayNumber);
            Write((byte)date.Precision);
        }

        private void Instant(DateTimeOffset at)
        {
            Write(at.UtcTicks);
            Write((short)at.Offset.TotalMinutes);
        }
    }

    private sealed class Reader(Stream stream) : BinaryReader(stream)
    {
        private readonly List<string> _strings = [];
        private readonly List<Source> _sources = [];

        public DevelopmentHistory History()
        {
            Span<byte> bytes = stackalloc byte[16];
            ReadExactly(bytes);
            var id = new Guid(bytes);
            var type = (DevelopmentType)Read7BitEncodedInt();
            var occurredOn = Date();
            var actor = Text()!;
            var significance = (Significance)ReadByte();
            var summary = Text()!;
            var agreement = Text();
            var title = Text();
            var owner = Text();
            var mission = owner is null ? null : new Mission(owner, Text()!, Text()!);
            var recordedAt = Instant();
            var version = Read7BitEncodedInt64();
            var cameo = Text();
            var recorded = new DevelopmentFacts(id, type, occurredOn, actor, significance, summary, agreement, title, mission, recordedAt, version, cameo);
            var lastVersion = Read7BitEncodedInt64();

            var sources = Array<Source>();
            for (var i = 0; i < sources.Length; i++) sources[i] = Source();
            var corrections = Array<Correction>();
            for (var i = 0; i < corrections.Length; i++)
            {
                var at = Instant();
                var correctionVersion = Read7BitEncodedInt64();
                var reason = Text()!;
                OccurrenceDate? on = ReadBoolean() ? Date() : null;
                var correctedType = Read7BitEncodedInt() is var t and > 0 ? (DevelopmentType?)(t - 1) : null;
                var correctedSignificance = ReadByte() is var s and > 0 ? (Significance?)(s - 1) : null;
                corrections[i] = new Correction(at, correctionVersion, reason, on, correctedType, correctedSignificance, Text(), Text());
            }
            DateTimeOffset? retractedAt = null;
            var (retractedVersion, retractionReason) = (0L, (string?)null);
            if (ReadBoolean()) (retractedAt, retractedVersion, retractionReason) = (Instant(), Read7BitEncodedInt64(), Text());
            var reports = Array<ReportMark>();
            for (var i = 0; i < reports.Length; i++)
                reports[i] = new ReportMark(Instant(), Read7BitEncodedInt64(), (ReportStance)ReadByte(), Text()!);
            return new DevelopmentHistory(recorded, lastVersion, sources, corrections, retractedAt, retractedVersion, retractionReason, reports);
        }

        private T[] Array<T>() => Read7BitEncodedInt() is var n and > 0 ? new T[n] : [];

        private Source Source()
        {
            var n = Read7BitEncodedInt();
            if (n > 0) return _sources[n - 1];
            var source = new Source { Url = Text(), Citation = Text(), Publisher = Text(), Language = Text(), PublishedOn = ReadBoolean() ? Date() : null };
            _sources.Add(source);
            return source;
        }

        private string? Text()
        {
            var n = Read7BitEncodedInt();
            if (n == 0) return null;
            if (n >= 2) return _strings[n - 2];
            var text = ReadString();
            _strings.Add(text);
            return text;
        }

        private OccurrenceDate Date()
        {
            var day = DateOnly.FromDayNumber(ReadInt32());
            return (DatePrecision)ReadByte() switch
            {
                DatePrecision.Year => OccurrenceDate.Year(day.Year),
                DatePrecision.Month => OccurrenceDate.Month(day.Year, day.Month),
                _ => OccurrenceDate.Day(day),
            };
        }

        private DateTimeOffset Instant()
        {
            var ticks = ReadInt64();
            var offset = TimeSpan.FromMinutes(ReadInt16());
            return new DateTimeOffset(ticks + offset.Ticks, offset);
        }
    }
}
