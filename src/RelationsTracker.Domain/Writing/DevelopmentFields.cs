using System.Globalization;
using System.Text.RegularExpressions;
using RelationsTracker.Developments;

namespace RelationsTracker.Writing;

/// <summary>
/// The rules for the fields that several write requests share (api.md, "Recording a development"): each check records
/// its error under the field's name and gives the value, or null. The requests' attributes cite the same limits.
/// </summary>
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
    public const int MaxLanguage = 35;
    /// <summary>An occurrence date's text is at most this long (YYYY-MM-DD).</summary>
    public const int MaxDate = 10;

    /// <summary>The form of an occurrence date, for the OpenAPI document; <see cref="OccurrenceDate.TryParse"/> also checks the calendar.</summary>
    public const string OccurrenceDatePattern = @"^\d{4}(-\d{2}(-\d{2})?)?$";
    public const string AgreementSlugPattern = "^[a-z0-9][a-z0-9-]{0,63}$";
    public const string LanguageTagPattern = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$";

    [GeneratedRegex(AgreementSlugPattern, RegexOptions.CultureInvariant)]
    public static partial Regex AgreementSlug();

    // BCP 47-like: "ar", "en-GB", "zh-Hant".
    [GeneratedRegex(LanguageTagPattern, RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    /// <summary>Text of 1 to <paramref name="maxLength"/> characters that is not only white space, or null (absent, or refused).</summary>
    public static string? Text(FieldErrors errors, string field, string? text, bool required, int maxLength)
    {
        if (text is null)
        {
            if (required) errors.Add(field, "is required");
            return null;
        }
        if (TextProblem(text, maxLength) is { } problem)
        {
            errors.Add(field, problem);
            return null;
        }
        return text;
    }

    /// <summary>
    /// Why a text field's value is refused, or null: empty or with no visible character; a control character (tab and
    /// line breaks are fine), DEL or a C1 control; a bidirectional override or embedding (U+202A to U+202E) or an
    /// isolate (U+2066 to U+2069) left open or closed unopened, which would make it display as other text; too long.
    /// What Arabic needs stays: the zero-width joiners and the direction marks (U+200C to U+200F).
    /// </summary>
    public static string? TextProblem(string text, int maxLength)
    {
        // One pass over the characters (an import runs this for every field of every row): the length in Unicode
        // characters (a surrogate pair counts once), and what is among them.
        var length = 0;
        var control = false;
        var overrides = false;
        var visible = false;
        var isolates = 0;
        var unbalanced = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]))) length++;
            // PostgreSQL's jsonb cannot hold NUL, and no report needs control characters besides tab and line breaks.
            if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || c is >= '\u007F' and <= '\u009F') control = true;
            else if (c is >= '\u202A' and <= '\u202E') overrides = true;
            else if (c is >= '\u2066' and <= '\u2068') isolates++;
            else if (c == '\u2069' && --isolates < 0) unbalanced = true;
            else if (!visible && IsVisible(text, i)) visible = true;
        }
        if (control) return "must not contain control characters (tab and line breaks are fine)";
        if (overrides) return "must not contain bidirectional overrides or embeddings (U+202A to U+202E): they make text display as other text";
        if (unbalanced || isolates != 0) return "must close every bidirectional isolate it opens (U+2066 to U+2068, closed by U+2069)";
        if (!visible) return "must not be empty, only white space or only invisible characters";
        if (length > maxLength) return $"must be at most {maxLength:N0} characters (it has {length:N0})";
        return null;
    }

    // Letters, digits, punctuation and symbols show; white space, format characters (zero-width, marks) do not.
    private static bool IsVisible(string text, int i) =>
        char.GetUnicodeCategory(text, i) is not (UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format or UnicodeCategory.Control
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.OtherNotAssigned)
        && !char.IsWhiteSpace(text[i]);

    public static DevelopmentType? Type(FieldErrors errors, string? name, bool required)
    {
        if (Text(errors, "type", name, required, 64) is not { } text) return null;
        if (Catalogue.TryParseType(text, out var type)) return type;
        errors.Add("type", $"'{text}' is not a development type; use one of the catalogue's exact names: {string.Join(", ", Catalogue.Entries.Select(e => e.Type))}");
        return null;
    }

    /// <summary>A date of occurrence that is a real date and not after today (UTC).</summary>
    public static OccurrenceDate? OccurredOn(FieldErrors errors, string field, string? text, bool required, DateOnly today)
    {
        if (Text(errors, field, text, required, MaxDate) is null) return null;
        if (!OccurrenceDate.TryParse(text!, out var date))
        {
            errors.Add(field, $"'{text}' is not {OccurrenceDate.FormatDescription}");
            return null;
        }
        if (date.EffectiveDate > today)
        {
            errors.Add(field, $"'{text}' is after today ({today:yyyy-MM-dd}, UTC)");
            return null;
        }
        return date;
    }

    /// <summary>An exact CAMEO event code listed in the scale (three or four digits); with a type, one of its root.</summary>
    public static string? Cameo(FieldErrors errors, string? text, DevelopmentType? type)
    {
        if (Text(errors, "cameo", text, required: false, 4) is not { } code) return null;
        if (!CameoScale.IsEventCode(code))
        {
            errors.Add("cameo", $"'{code}' is not a CAMEO event code of CAMEO.SCALE.txt (three or four digits, such as 043)");
            return null;
        }
        if (type is { } t && CameoScale.RootOf(code) != CameoScale.RootOf(Catalogue.Of(t).Cameo))
        {
            errors.Add("cameo", $"'{code}' is not a code of {t}'s CAMEO root {CameoScale.RootOf(Catalogue.Of(t).Cameo)} ({Catalogue.Of(t).Cameo})");
            return null;
        }
        return code;
    }

    public static Significance? Significance(FieldErrors errors, string? text)
    {
        if (Text(errors, "significance", text, required: false, MaxSignificance) is null) return null;
        if (SignificanceScale.TryParse(text!, out var significance)) return significance;
        errors.Add("significance", $"'{text}' is not a significance; use low, normal or high");
        return null;
    }

    public static IReadOnlyList<Source>? Sources(FieldErrors errors, IReadOnlyList<SourceRequest>? items, bool required, DateOnly today)
    {
        if (items is null)
        {
            if (required) errors.Add("sources", "is required");
            return null;
        }
        if (items.Count > MaxSources)
        {
            errors.Add("sources", $"must have at most {MaxSources} items (it has {items.Count})");
            return null;
        }
        if (required && items.Count == 0)
        {
            errors.Add("sources", "must name at least one source");
            return null;
        }
        var sources = new List<Source>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"sources[{i}]";
            var item = items[i];
            var url = Text(errors, $"{path}.url", item.Url, required: false, MaxUrl);
            var citation = Text(errors, $"{path}.citation", item.Citation, required: false, MaxCitation);
            var publisher = Text(errors, $"{path}.publisher", item.Publisher, required: false, MaxPublisher);
            var publishedOn = OccurredOn(errors, $"{path}.publishedOn", item.PublishedOn, required: false, today);
            var language = Text(errors, $"{path}.language", item.Language, required: false, MaxLanguage);
            if (url is not null && !IsWebUrl(url)) errors.Add($"{path}.url", "must be an absolute http or https URL");
            if (language is not null && !LanguageTag().IsMatch(language)) errors.Add($"{path}.language", $"'{language}' is not a language tag such as ar or en-GB");
            if (item.Url is null && item.Citation is null) errors.Add(path, "needs a url or a citation (or both)");
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
