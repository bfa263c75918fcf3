namespace RelationsTracker.Developments;

public sealed record Appeal : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Appeal; }
