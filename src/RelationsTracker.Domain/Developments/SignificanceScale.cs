namespace RelationsTracker.Developments;

public static class SignificanceScale
{
    public static double Multiplier(this Significance significance) => significance switch
    {
        Significance.Low => 0.5,
        Significance.Normal => 1.0,
        Significance.High => 1.5,
        _ => throw new ArgumentOutOfRangeException(nameof(significance)),
    };

    public static string Name(this Significance significance) => significance switch
    {
        Significance.Low => "low",
        Significance.Normal => "normal",
        Significance.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(significance)),
    };

    public static bool TryParse(string? text, out Significance significance)
    {
        significance = text switch { "low" => Significance.Low, "normal" => Significance.Normal, "high" => Significance.High, _ => (Significance)(-1) };
        return (int)significance >= 0;
    }
}
