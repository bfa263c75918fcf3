namespace RelationsTracker.Scoring;

public enum Direction { Warming, Stable, Cooling }
