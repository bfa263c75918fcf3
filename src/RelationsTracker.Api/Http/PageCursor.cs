using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace RelationsTracker.Api.Http;

/// <summary>Where a page starts (<c>cursor</c>): opaque to clients, the key of the last item of the page before.</summary>
public readonly record struct PageCursor(string Key) : IParsable<PageCursor>
{
    public static string Problem(string? text) => $"'{text}' is not a cursor: use the next link of the page before";

    public override string ToString() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Key));

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out PageCursor result)
    {
        result = default;
        if (string.IsNullOrEmpty(s) || s.Length > 400 || !Base64Url.IsValid(s)) return false;
        try
        {
            result = new PageCursor(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(s)));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static PageCursor Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var cursor) ? cursor : throw new FormatException(Problem(s));

    /// <summary>The URL of the next page: this request's, with the cursor after <paramref name="lastKey"/>.</summary>
    public static string NextUrl(HttpRequest request, string lastKey) => NextUrl(request, "cursor", new PageCursor(lastKey).ToString());

    /// <summary>The request's URL with <paramref name="parameter"/> set to <paramref name="value"/>: the next page's.</summary>
    public static string NextUrl(HttpRequest request, string parameter, string value)
    {
        var query = request.Query.Where(q => q.Key != parameter).ToDictionary(q => q.Key, q => q.Value);
        query[parameter] = value;
        return request.Path + QueryString.Create(query);
    }
}
