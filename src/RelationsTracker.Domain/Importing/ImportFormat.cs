namespace RelationsTracker.Importing;

/// <summary>
/// The formats an import reads: a GDELT 2.0 events file, a CSV of developments, or a GDELT 2.0 mentions file (the
/// articles that mention events already imported, which become their confirming reports).
/// </summary>
public enum ImportFormat { Gdelt, Csv, GdeltMentions }
