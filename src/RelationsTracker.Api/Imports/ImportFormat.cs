namespace RelationsTracker.Api.Imports;

public enum ImportFormat { Gdelt, Csv }
