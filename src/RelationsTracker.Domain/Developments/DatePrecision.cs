namespace RelationsTracker.Developments;

public enum DatePrecision { Year, Month, Day }
