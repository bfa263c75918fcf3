namespace RelationsTracker.Domain.Tests;

public class CommaListTests
{
    [Theory]
    [InlineData("a,b", new[] { "a", "b" })]
    [InlineData(" a , ,b ,", new[] { "a", "b" })]
    [InlineData("", new string[0])]
    [InlineData(null, new string[0])]
    public void The_items_are_trimmed_and_empty_ones_dropped(string? text, string[] items) => Assert.Equal(items, CommaList.Items(text));
}
