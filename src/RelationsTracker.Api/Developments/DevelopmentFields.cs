using System.Text.RegularExpressions;
using RelationsTracker.Api.Http;
using RelationsTracker.Developments;

namespace RelationsTracker.Api.Developments;

/// <summary>The fields that several write routes share, read and validated one way (api.md, "Recording a development").</summary>
public static partial class DevelopmentFields
{
    public const int MaxSummary = 2000;
    public const int MaxReason = 2000;
    public const int MaxTitle = 500;
    public const int MaxCitation = 2000;
    public const int MaxUrl = 2048;
    public const int MaxPublisher = 300;
    public const int MaxCity = 200;
    public const int MaxSources = 20;
    public const int MaxActor = 20;
    public const int MaxSignificance = 16;

    /// <summary>The form of an occurrence date, for the OpenAPI document; <see cref="OccurrenceDate.TryParse"/> also checks the calendar.</summary>
    public const string OccurrenceDatePattern = @"^\d{4}(-\d{2}(-\d{2})?)?$";
    public const string AgreementSlugPattern = "^[a-z0-9][a-z0-9-]{0,63}$";
    public const string LanguageTagPattern = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$";

    [GeneratedRegex(AgreementSlugPattern, RegexOptions.CultureInvariant)]
    public static partial Regex AgreementSlug();

    // BCP 47-like: "ar", "en-GB", "zh-Hant".
    [GeneratedRegex(LanguageTagPattern, RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    public static DevelopmentType? Type(JsonObjectReader body, bool required)
    {
        var name = body.String("type", required, 64);
        if (name is null) return null;
        if (Catalogue.TryParseType(name, out var type)) return type;
        body.Errors.Add("type", $"'{name}' is not a development type; use one of the catalogue's exact names: {string.Join(", ", Catalogue.Entries.Select(e => e.Type))}");
        return null;
    }

    /// <summary>An occurrence date's text is at most this long (YYYY-MM-DD).</summary>
    public const int MaxDate = 10;

    /// <summary>A date of occurrence that is a real date and not after today (UTC).</summary>
    public static OccurrenceDate? OccurredOn(JsonObjectReader body, bool required, DateOnly today, string name = "occurredOn")
    {
        var text = body.String(name, required, MaxDate);
        if (text is null) return null;
        if (!OccurrenceDate.TryParse(text, out var date))
        {
            body.Errors.Add(body.PathOf(name), $"'{text}' is not {OccurrenceDate.FormatDescription}");
            return null;
        }
        if (date.EffectiveDate > today)
        {
            body.Errors.Add(body.PathOf(name), $"'{text}' is after today ({today:yyyy-MM-dd}, UTC)");
            return null;
        }
        return date;
    }

    public static Significance? Significance(JsonObjectReader body)
    {
        var text = body.String("significance", required: false, MaxSignificance);
        if (text is null) return null;
        if (SignificanceScale.TryParse(text, out var significance)) return significance;
        body.Errors.Add("significance", $"'{text}' is not a significance; use low, normal or high");
        return null;
    }

    public static IReadOnlyList<Source>? Sources(JsonObjectReader body, bool required, DateOnly today)
    {
        var items = body.Array("sources", required, MaxSources);
        if (items is null) return null;
        if (required && items.Count == 0)
        {
            body.Errors.Add("sources", "must name at least one source");
            return null;
        }
        var sources = new List<Source>();
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"sources[{i}]";
            if (JsonObjectReader.ForObject(items[i], path, path, body.Errors) is not { } source) continue;
            var url = source.String("url", required: false, MaxUrl);
            var citation = source.String("citation", required: false, MaxCitation);
            var publisher = source.String("publisher", required: false, MaxPublisher);
            var publishedOn = OccurredOn(source, required: false, today, "publishedOn");
            var language = source.String("language", required: false, 35);
            source.RejectUnknownProperties();

            if (url is not null && !IsWebUrl(url)) source.Errors.Add(source.PathOf("url"), "must be an absolute http or https URL");
            if (language is not null && !LanguageTag().IsMatch(language)) source.Errors.Add(source.PathOf("language"), $"'{language}' is not a language tag such as ar or en-GB");
            if (!items[i].TryGetProperty("url", out _) && !items[i].TryGetProperty("citation", out _))
                source.Errors.Add(path, "needs a url or a citation (or both)");
            sources.Add(new Source { Url = url, Citation = citation, Publisher = publisher, PublishedOn = publishedOn, Language = language });
        }
        return sources;
    }

    public static bool IsWebUrl(string text)
    {
        // White space first: a plain loop is cheaper than parsing, and an import checks every row's URL.
        foreach (var c in text)
            if (char.IsWhiteSpace(c)) return false;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
               && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
               && !string.IsNullOrEmpty(uri.Host);
    }
}
