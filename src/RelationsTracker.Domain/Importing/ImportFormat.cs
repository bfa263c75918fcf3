namespace RelationsTracker.Importing;

/// <summary>The formats an import reads: a GDELT 2.0 events file, or a CSV of developments.</summary>
public enum ImportFormat { Gdelt, Csv }
