namespace RelationsTracker.Scoring;

public enum Phase { Hostile, Strained, Neutral, Cordial, Close }
