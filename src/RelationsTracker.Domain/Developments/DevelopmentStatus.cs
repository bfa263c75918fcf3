namespace RelationsTracker.Developments;

public enum DevelopmentStatus { NotYetRecorded, Recorded, Corrected, Retracted }
