namespace RelationsTracker.Developments;

public enum Significance { Low, Normal, High }
