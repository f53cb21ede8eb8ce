using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Analysis.Text;

namespace Analysis.Figures;

/// <summary>
/// What the words around a number say about it, each with the words that say it: how it is bounded, whether it is
/// reported, announced, planned, forecast or only possible, which part of the entity it is about, and which period
/// the text gives for it (empty when the text gives none: the publication date is never taken for a period).
/// </summary>
public sealed record FigureReading(Bound Bound, double? Low, string BoundCue, string Modality, string ModalityCue, string Scope, string ScopeCue,
    string Period, string PeriodCue, bool NamesWhole, int ClauseStart = 0, int ClauseEnd = 0)
{
    /// <summary>The cues in one line, for a review file: "bound: über; modality: angekündigt; …".</summary>
    public string Cues => string.Join("; ", new[] { ("bound", BoundCue), ("modality", ModalityCue), ("scope", ScopeCue), ("period", PeriodCue) }
        .Where(c => c.Item2.Length > 0).Select(c => $"{c.Item1}: {c.Item2}"));
}

/// <summary>Reads bounds, modality, scope and period from the sentence a number stands in. Rules of German, not of one corpus.</summary>
public static partial class FigureContext
{
    // Words right before a number that bound it. Longer cues first.
    private static readonly (string Words, Bound Bound)[] BoundWords =
    [
        ("mehr als", Bound.MoreThan), ("weniger als", Bound.LessThan), ("bis zu", Bound.UpTo), ("um die", Bound.About), ("in etwa", Bound.About),
        ("über", Bound.MoreThan), ("unter", Bound.LessThan), ("mindestens", Bound.AtLeast), ("wenigstens", Bound.AtLeast), ("höchstens", Bound.AtMost),
        ("maximal", Bound.AtMost), ("knapp", Bound.Almost), ("fast", Bound.Almost), ("beinahe", Bound.Almost), ("nahezu", Bound.Almost),
        ("annähernd", Bound.About), ("etwa", Bound.About), ("rund", Bound.About), ("ca.", Bound.About), ("ca", Bound.About), ("circa", Bound.About),
        ("ungefähr", Bound.About), ("schätzungsweise", Bound.About), ("gut", Bound.MoreThan),
    ];

    // Words that may stand between a bounding word and its number: "über 1,54 Millionen", "rund weitere 14.000", "bis zu sogar …".
    private const string Between = @"(?:(?:sogar|noch|bereits|schon|nur|insgesamt|weitere|weltweit|damit|also|jeder|jede|jedes)\s+)*";

    [GeneratedRegex(@"(?<![\p{L}\d])(?<low>\d[\d.,]*|ein|einem|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwanzig|dreißig|fünfzig|hundert)\s*(?:bis|–|-)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RangeBefore();

    [GeneratedRegex(@"(?<![\p{L}])zwischen\s+(?<low>\d[\d.,]*)\s*(?:\p{L}+\.?\s+)?und\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BetweenBefore();

    private static readonly (string Modality, string[] Words)[] ModalityWords =
    [
        (Modalities.Possibility, ["könnte", "könnten", "möglicherweise", "womöglich", "eventuell", "vielleicht", "unter umständen", "denkbar", "nicht ausgeschlossen", "im gespräch"]),
        (Modalities.Forecast, ["erwartet", "erwarten", "erwartete", "prognostiziert", "prognostizieren", "prognose", "voraussichtlich", "dürfte", "dürften", "rechnet mit", "rechnen mit", "schätzt", "schätzen", "vorhergesagt", "soll bis", "sollen bis"]),
        (Modalities.Plan, ["plant", "planen", "plante", "planten", "geplant", "pläne", "plan", "will", "wollen", "wollte", "soll", "sollen", "sollte", "sollten", "beabsichtigt", "vorgesehen", "vorhaben", "strebt", "anstreben", "ziel"]),
        (Modalities.Announcement, ["angekündigt", "kündigte", "kündigten", "kündigt", "ankündigen", "ankündigung", "bekanntgegeben", "bekannt gegeben", "gab bekannt", "gaben bekannt", "teilte mit", "mitteilte", "mitgeteilt", "verkündete", "verkündet", "meldete", "bestätigte"]),
    ];

    /// <summary>Countries and regions by the forms German texts use for them ("in den USA", "US-Mitarbeiter", "in Deutschland").</summary>
    private static readonly FrozenDictionary<string, string> Places = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["usa"] = "USA", ["us"] = "USA", ["vereinigten staaten"] = "USA", ["amerika"] = "USA", ["deutschland"] = "Deutschland", ["österreich"] = "Österreich",
        ["schweiz"] = "Schweiz", ["europa"] = "Europa", ["eu"] = "EU", ["china"] = "China", ["indien"] = "Indien", ["japan"] = "Japan", ["kanada"] = "Kanada",
        ["großbritannien"] = "Großbritannien", ["uk"] = "Großbritannien", ["frankreich"] = "Frankreich", ["italien"] = "Italien", ["spanien"] = "Spanien",
        ["polen"] = "Polen", ["tschechien"] = "Tschechien", ["niederlanden"] = "Niederlande", ["irland"] = "Irland", ["luxemburg"] = "Luxemburg",
        ["bangladesch"] = "Bangladesch", ["vietnam"] = "Vietnam", ["mexiko"] = "Mexiko", ["brasilien"] = "Brasilien", ["asien"] = "Asien", ["afrika"] = "Afrika",
        ["nordamerika"] = "Nordamerika", ["lateinamerika"] = "Lateinamerika", ["bayern"] = "Bayern", ["berlin"] = "Berlin", ["wien"] = "Wien",
        ["seattle"] = "Seattle", ["kalifornien"] = "Kalifornien",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"(?<![\p{L}])(?i:in|aus|für)\s+(?:den|der|dem|die)?\s*(?<place>Vereinigten Staaten|\p{Lu}[\p{L}]+)(?![\p{L}])")]
    private static partial Regex PlacePhrase();

    [GeneratedRegex(@"^\s+(?:in|im|bei)\s+(?:der|dem|den|des)?\s*(?<d>\p{Lu}[\p{L}\-]*(?:\s+(?:und|oder)\s+\p{Lu}[\p{L}\-]*)?)")]
    private static partial Regex DivisionAfter();

    // A share that names its base as the whole: "der gesamten Belegschaft", "aller Beschäftigten", "der Belegschaft insgesamt".
    [GeneratedRegex(@"^\s*(?:\p{L}+\s+){0,2}?(?:der|des|aller)\s+(?:gesamten|ganzen)\b|^\s*aller\b|^\s*(?:der|des)\s+\p{L}+\s+insgesamt\b", RegexOptions.IgnoreCase)]
    private static partial Regex WholeBase();

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Document, IReadOnlyList<NumberMatch>> Matches = new();

    /// <summary>A reviewed figure's reading, from the sentence its quote stands in (null when no extracted number lies in the quote).</summary>
    public static FigureReading? ReadAt(Document document, ReportedFigure figure)
    {
        var matches = Matches.GetValue(document, d => [.. NumberExtractor.Extract(d.Body.Cast<ITextUnit>().Concat(d.Comments)).Where(m => m.Kind == MatchKind.Quantity)]);
        var match = matches.FirstOrDefault(m => m.Span.Overlaps(figure.Span));
        if (match is null) return null;
        var others = matches.Where(m => SameSentence.Instance.Equals(m, match) && m != match).Select(m => m.InSentence).ToList();
        return Read(match.Sentence, match.InSentence, match.InSentence + match.Text.Length, document.Info.Published, match.UnitId.Contains("/c", StringComparison.Ordinal), others);
    }

    /// <summary>Whether a share's quote names its base as the whole: "zehn Prozent der gesamten Belegschaft", "aller Beschäftigten".</summary>
    public static bool NamesWhole(string quote) =>
        WholeInQuote().IsMatch(quote);

    /// <summary>The bound a quote gives its first number ("über 1,54 Millionen" is more than), for figures files without a bound column.</summary>
    public static (Bound Bound, string Cue) BoundOf(string quote)
    {
        var first = FirstNumber().Match(quote);
        var (bound, _, cue) = BoundBefore(first.Success ? quote[..first.Index] : quote);
        return (bound, cue);
    }

    /// <summary>
    /// Reads a number at <paramref name="start"/>..<paramref name="end"/> of its sentence. <paramref name="published"/> resolves
    /// "im Oktober", "im kommenden Jahr", "am Mittwoch"; <paramref name="inComment"/> marks a reader's statement;
    /// <paramref name="otherNumbers"/> (where other quantities of the sentence start) keeps their clauses' dates to them.
    /// </summary>
    public static FigureReading Read(string sentence, int start, int end, DateOnly? published, bool inComment = false, IReadOnlyList<int>? otherNumbers = null)
    {
        // A match may run past its sentence's last token ("14. 000" split by a sentence end): read it within the sentence.
        end = Math.Clamp(end, 0, sentence.Length);
        start = Math.Clamp(start, 0, end);
        var (bound, low, boundCue) = BoundBefore(sentence[..start]);
        // "eine Umfrage unter 1.200 Beschäftigten": among, not fewer than.
        if (bound == Bound.LessThan && boundCue.StartsWith("unter", StringComparison.OrdinalIgnoreCase) && PluralNounEnd().IsMatch(sentence[start..end]) && !UnitNounEnd().IsMatch(sentence[start..end]))
            (bound, low, boundCue) = (Bound.Point, null, "");
        var (clauseStart, clauseEnd) = Clause(sentence, start);
        // An infinitive or dass-clause takes its modality and period from the clause it depends on: "Amazon hat angekündigt, 14.000 Stellen zu streichen".
        var clause = sentence[clauseStart..clauseEnd];
        var governed = clauseStart > 0 && GovernedClause().IsMatch(clause);
        var wideStart = governed ? Clause(sentence, clauseStart - 1).Start : clauseStart;
        var wider = sentence[wideStart..clauseEnd];
        var (modality, modalityCue) = ModalityOf(wider, sentence, start, ModalityWords);
        // The sentence's other clauses, without those that hold a number of their own: "Wie der Konzern am Mittwoch mitteilte, fallen 16 000 Jobs weg".
        var others = otherNumbers ?? [];
        var rest = string.Concat(ClauseSpans(sentence).Where(c => c.End <= wideStart || c.Start >= clauseEnd).Where(c => !others.Any(o => o >= c.Start && o < c.End))
            .Select(c => sentence[c.Start..c.End] + " | "));
        if (modality.Length == 0) (modality, modalityCue) = ModalityOf(rest, sentence, start, [ModalityWords[^1]]);
        if (modality.Length == 0) (modality, modalityCue) = (inComment ? Modalities.ReaderComment : Modalities.ReportedFact, "");
        var (scope, scopeCue) = ScopeOf(clause, sentence, start, end);
        var (period, periodCue) = PeriodOf(wider, start - wideStart, end - wideStart, published, modality);
        if (period.Length == 0 && periodCue.Length == 0) (period, periodCue) = PeriodOf(rest, -1, -1, published, modality);
        var namesWhole = WholeBase().IsMatch(sentence[end..]);
        return new FigureReading(bound, low, boundCue, modality, modalityCue, scope, scopeCue, period, periodCue, namesWhole, wideStart, clauseEnd);
    }

    private static IEnumerable<(int Start, int End)> ClauseSpans(string sentence)
    {
        var at = 0;
        foreach (Match m in ClauseBreak().Matches(sentence))
        {
            if (m.Index > at) yield return (at, m.Index);
            at = m.Index + m.Length;
        }
        if (at < sentence.Length) yield return (at, sentence.Length);
    }

    private static (Bound Bound, double? Low, string Cue) BoundBefore(string before)
    {
        var between = BetweenBefore().Match(before);
        if (between.Success && GermanNumbers.TryParseDigits(between.Groups["low"].Value, out var bl)) return (Bound.Range, bl, between.Value.Trim());
        var range = RangeBefore().Match(before);
        if (range.Success)
        {
            var w = range.Groups["low"].Value.ToLowerInvariant();
            double? low = w is "ein" or "einem" or "einer" ? 1 : GermanNumbers.TryParseDigits(w, out var d) ? d : GermanNumbers.TryParseWord(w, out var n) ? n : null;
            if (low is not null) return (Bound.Range, low, range.Value.Trim());
        }
        foreach (var (words, bound) in BoundWords)
        {
            var m = CachedRegex.Match(before, $@"(?<![\p{{L}}]){Regex.Escape(words)}\s+{Between}[$€£]?\s*$", RegexOptions.IgnoreCase);
            if (m.Success) return (bound, null, m.Value.Trim());
        }
        return (Bound.Point, null, "");
    }

    /// <summary>The clause around a position: between commas, semicolons, colons, dashes and brackets.</summary>
    private static (int Start, int End) Clause(string sentence, int at)
    {
        var separators = ClauseBreak().Matches(sentence).Select(m => (m.Index, End: m.Index + m.Length)).ToList();
        var start = separators.Where(s => s.End <= at).Select(s => s.End).DefaultIfEmpty(0).Max();
        var end = separators.Where(s => s.Index >= at).Select(s => s.Index).DefaultIfEmpty(sentence.Length).Min();
        return (start, Math.Max(start, end));
    }

    // A comma breaks a clause only before white space: "0,45" is a number.
    [GeneratedRegex(@"[,;:](?=\s|$)|[()\[\]]|\s[–—-]\s")]
    private static partial Regex ClauseBreak();

    private static (string Modality, string Cue) ModalityOf(string span, string sentence, int start, IEnumerable<(string Modality, string[] Words)> modalities)
    {
        // Inside quotation marks the words are someone else's.
        var before = sentence[..start];
        var opened = before.Count(c => c is '„' or '»') - before.Count(c => c is '“' or '«');
        if (opened > 0) return (Modalities.Quotation, "in quotation marks");
        foreach (var (modality, words) in modalities)
            foreach (var word in words)
                if (CachedRegex.Match(span, $@"(?<![\p{{L}}]){Regex.Escape(word).Replace(@"\ ", @"\s+(?:\p{L}+\s+){0,3}?", StringComparison.Ordinal)}(?![\p{{L}}])", RegexOptions.IgnoreCase) is { Success: true } m)
                    return (modality, m.Value);
        return ("", "");
    }

    [GeneratedRegex(@"^\s*(?:\p{L}+\s+)?(?:der|von|aus)\s+(?:den\s+|insgesamt\s+)?\d")]
    private static partial Regex PartOfNext();

    [GeneratedRegex(@"(?:\d|\p{L})\s+(?:der|von|aus)\s+(?:den\s+|insgesamt\s+)?$")]
    private static partial Regex WholeOfPrevious();

    private static (string Scope, string Cue) ScopeOf(string clause, string sentence, int start, int end)
    {
        // "9.000 der 14.000 Stellen": the first is a part of the second, the second no part of anything the clause names.
        if (PartOfNext().IsMatch(sentence[end..])) return ("part", $"{sentence[start..end]}{PartOfNext().Match(sentence[end..]).Value.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9')}…");
        if (WholeOfPrevious().IsMatch(sentence[..start]) && NumberOfBefore().IsMatch(sentence[..start])) return ("", "");

        var parts = new List<string>();
        var cues = new List<string>();
        // The counted noun's first part: "US-Mitarbeiter", "Bürojobs", "Verwaltungsstellen".
        var noun = CountedNoun().Match(sentence[start..end]);
        if (noun.Success)
        {
            var m = noun.Groups["m"].Value;
            if (Places.TryGetValue(m, out var place)) { parts.Add(place); cues.Add(noun.Value); }
            else if (DivisionNoun(m) is { } division) { parts.Add(division); cues.Add(noun.Value); }
        }
        var world = Worldwide().Match(clause);
        foreach (Match p in PlacePhrase().Matches(clause))
            if (Places.TryGetValue(p.Groups["place"].Value, out var place) && !parts.Contains(place)) { parts.Insert(0, place); cues.Add(p.Value); }
        var after = DivisionAfter().Match(sentence[end..]);
        if (after.Success)
        {
            var named = Regex.Split(after.Groups["d"].Value, @"\s+(?:und|oder)\s+");
            if (named.All(n => Places.ContainsKey(n))) { foreach (var n in named) if (!parts.Contains(Places[n])) parts.Add(Places[n]); cues.Add(after.Value.Trim()); }
            else if (named.All(n => DivisionNoun(n) is not null)) { parts.Add(string.Join(" und ", named.Select(n => DivisionNoun(n)!))); cues.Add(after.Value.Trim()); }
        }
        if (parts.Count == 0 && world.Success) return ("", "weltweit (the whole entity)");
        return (string.Join(", ", parts), string.Join("; ", cues.Distinct()));
    }

    // Nouns after "in", "im", "bei" that say when or how, not which part: "im Jahr", "in der Woche", "im Schnitt".
    private static readonly FrozenSet<string> NotDivisions = FrozenSet.ToFrozenSet(
        ["Arbeit", "Jahr", "Monat", "Woche", "Tag", "Quartal", "Zeit", "Jahrzehnt", "Jahrhundert", "Stunde", "Schnitt", "Durchschnitt", "Summe", "Folge", "Zukunft",
         "Vergangenheit", "Vergleich", "Rahmen", "Zuge", "Zug", "Moment", "Grunde", "Grund", "Prinzip", "Regel", "Fall", "Kürze", "Schlag",
         "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember", "Frühjahr", "Sommer", "Herbst", "Winter",
         "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag", "Wochenende"]);

    /// <summary>A common noun the lexicon knows (a division: "Verwaltung", "Büro", "Lager"), or null for names and other words.</summary>
    private static string? DivisionNoun(string word)
    {
        if (word.Length < 3) return null;
        var lexicon = GermanLexicon.Default;
        var title = char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant();
        foreach (var form in new[] { title, title.EndsWith('s') ? title[..^1] : "" })
            if (form.Length > 2 && lexicon.Noun(form) is { } lemma && lemma.Length > 2 && !NotDivisions.Contains(lemma)) return lemma;
        return null;
    }

    [GeneratedRegex(@"(?<![\p{L}\d])(?:(?:zwischen|von)\s+)?(?<a>(?:18|19|20)\d{2})\s*(?:und|bis|–|-)\s*(?<b>(?:18|19|20)\d{2})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex YearRange();

    [GeneratedRegex(@"(?<![\p{L}\d])(?:(?<p>im|seit|ab|bis)\s+)?(?:(?:Anfang|Mitte|Ende)\s+)?(?:(?<d>\d{1,2})\.\s*)?(?<m>Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jan\.|Feb\.|Mär\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Okt\.|Nov\.|Dez\.)(?:\s+(?<y>(?:19|20)\d{2}))?(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex MonthPhrase();

    [GeneratedRegex(@"(?<![\p{L}\d])(?:(?<p>seit|ab|bis)\s+)?(?:(?:im\s+Jahr|Jahr|für\s+das\s+Jahr|im|in)\s+)?(?<y>(?:18|19|20)\d{2})(?![\d.,]*\s*(?:Prozent|%|Euro|Dollar|Stellen|Jobs|Mitarbeiter))", RegexOptions.IgnoreCase)]
    private static partial Regex YearPhrase();

    private static readonly (string Pattern, int Years)[] RelativeYears =
    [
        (@"(?:im\s+)?(?:kommenden|nächsten|folgenden)\s+Jahr|nächstes\s+Jahr|kommendes\s+Jahr", 1),
        (@"(?:in\s+)?diese[mns]?\s+Jahr|heuer|laufenden\s+Jahr", 0),
        (@"(?:im\s+)?(?:vergangenen|letzten|vorigen)\s+Jahr|letztes\s+Jahr|Vorjahr", -1),
    ];

    private static readonly string[] Weekdays = ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"];

    /// <summary>
    /// The period the span gives, nearest to the number at <paramref name="start"/>..<paramref name="end"/> of it (after it
    /// first, as in "0,59 im Jahr 2023"): "zwischen 2022 und 2023" → 2022/2023, "im Oktober" → the last October up to the
    /// publication date, "2026" → 2026, "ab 1979" → 1979-. Empty when the span gives none.
    /// </summary>
    private static (string Period, string Cue) PeriodOf(string span, int start, int end, DateOnly? published, string modality)
    {
        var cues = new List<(int Start, int End, string Period, string Cue)>();
        string Published(DateOnly p) => $"publication {p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        foreach (Match m in YearRange().Matches(span)) cues.Add((m.Index, m.Index + m.Length, $"{m.Groups["a"].Value}/{m.Groups["b"].Value}", m.Value));
        foreach (Match m in MonthPhrase().Matches(span))
        {
            var name = m.Groups["m"].Value.ToLowerInvariant().TrimEnd('.');
            var number = GermanDates.MonthNames.Select((n, i) => (n, i)).First(x => x.n.StartsWith(name[..Math.Min(3, name.Length)], StringComparison.Ordinal)).i + 1;
            // "seit Oktober 2025" is open: from then on.
            var open = m.Groups["p"].Value.ToLowerInvariant() is "seit" or "ab" ? "-" : "";
            if (m.Groups["y"].Success) cues.Add((m.Index, m.Index + m.Length, $"{m.Groups["y"].Value}-{number:00}{open}", m.Value));
            else if (published is { } p)
            {
                // A month without a year: the last one up to the publication date, or the next one for what is yet to come.
                var ahead = modality is Modalities.Plan or Modalities.Forecast or Modalities.Possibility;
                var year = ahead ? (number >= p.Month ? p.Year : p.Year + 1) : (number <= p.Month ? p.Year : p.Year - 1);
                cues.Add((m.Index, m.Index + m.Length, $"{year}-{number:00}{open}", $"{m.Value} ({Published(p)})"));
            }
            else cues.Add((m.Index, m.Index + m.Length, "", $"{m.Value} (no year, no publication date)"));
        }
        foreach (var (pattern, years) in RelativeYears)
            foreach (Match m in CachedRegex.Matches(span, $@"(?<![\p{{L}}])(?:{pattern})(?![\p{{L}}])", RegexOptions.IgnoreCase))
                cues.Add((m.Index, m.Index + m.Length, published is { } p ? (p.Year + years).ToString(CultureInfo.InvariantCulture) : "",
                    published is { } q ? $"{m.Value} ({Published(q)})" : $"{m.Value} (no publication date)"));
        foreach (Match m in YearPhrase().Matches(span))
            if (!cues.Any(c => c.Start < m.Index + m.Length && m.Index < c.End))
                cues.Add((m.Index, m.Index + m.Length, m.Groups["p"].Value.ToLowerInvariant() is "seit" or "ab" ? m.Groups["y"].Value + "-" : m.Groups["y"].Value, m.Value));
        if (published is { } d)
            foreach (Match m in CachedRegex.Matches(span, $@"(?<![\p{{L}}])(?:am\s+(?:{string.Join("|", Weekdays)})|heute|gestern|diese\s+Woche|derzeit|aktuell|zurzeit|jetzt)(?![\p{{L}}])", RegexOptions.IgnoreCase))
                cues.Add((m.Index, m.Index + m.Length, d.ToString("yyyy-MM", CultureInfo.InvariantCulture), $"{m.Value} ({Published(d)})"));
        if (cues.Count == 0) return ("", "");
        var best = cues.OrderBy(c => start < 0 ? c.Start : c.Start >= end ? c.Start - end : c.End <= start ? start - c.End + 0.5 : 0).First();
        return (best.Period, best.Cue);
    }

    [GeneratedRegex(@"(?<![\p{L}])(?:(?:der|des|dem)\s+(?:gesamten|ganzen)|aller)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex WholeInQuote();

    [GeneratedRegex(@"\d|(?<![\p{L}])(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|\p{L}+zig|hundert|tausend|jeder|doppelt|hälfte|drittel|viertel)", RegexOptions.IgnoreCase)]
    private static partial Regex FirstNumber();

    [GeneratedRegex(@"\p{L}+(?:en|ern|n)$")]
    private static partial Regex PluralNounEnd();

    [GeneratedRegex(@"(?i)prozent|euro|dollar|franken|stunden|tagen|jahren|monaten|wochen$")]
    private static partial Regex UnitNounEnd();

    [GeneratedRegex(@"(?<![\p{L}])zu\s+\p{Ll}+\s*$|^\s*(?:dass|wonach)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GovernedClause();

    [GeneratedRegex(@"\d[\d.,]*\s*(?:\p{L}+\s+)?(?:der|von|aus)\s+(?:den\s+|insgesamt\s+)?$")]
    private static partial Regex NumberOfBefore();

    [GeneratedRegex(@"(?<m>\p{L}+)-?(?:arbeitsplätze|arbeitsplatz|stellen|jobs|mitarbeiter\p{L}*|beschäftigte\p{L}*|angestellte\p{L}*|arbeitskräfte\p{L}*)$", RegexOptions.IgnoreCase)]
    private static partial Regex CountedNoun();

    [GeneratedRegex(@"(?<![\p{L}])weltweit(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex Worldwide();
}
