using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Analysis;

/// <summary>
/// A saved web page, parsed by AngleSharp's HTML5 parser and reduced to the article: the <c>&lt;article&gt;</c> or
/// <c>&lt;main&gt;</c> with the most paragraph text (else the body); inside it headings, paragraphs, list items,
/// block quotes and figure captions, none within navigation, asides, footers, forms or scripts and none that is
/// mostly link text (menus, share buttons, pagination). Everything else
/// is listed as removed, the <c>&lt;head&gt;</c> as metadata. Title, outlet, date and authors come from the page's
/// meta tags (Open Graph, <c>article:published_time</c>, <c>author</c>) or its <c>&lt;h1&gt;</c> and <c>&lt;time&gt;</c>.
/// Every unit keeps its raw span: tags are dropped and entities decoded with each character mapped to the raw
/// character it came from.
/// </summary>
public sealed class HtmlProfile : CleaningProfile
{
    public const string ProfileName = "html";
    public override string Name => ProfileName;

    public override string Description =>
        "HTML parsed with AngleSharp; the article (the <article> or <main> with the most paragraph text, else <body>) reduced to headings, paragraphs, " +
        "list items, block quotes and captions outside nav/aside/footer/form/script and not mostly link text; the <head> is metadata, everything else between kept blocks is listed as removed; " +
        "title, outlet, date and authors from meta tags, <h1> and <time>; tags dropped and entities decoded with raw offsets kept.";

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase) { "h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "figcaption", "dd" };

    private static readonly HashSet<string> Excluded = new(StringComparer.OrdinalIgnoreCase)
        { "nav", "aside", "footer", "form", "script", "style", "noscript", "iframe", "svg", "button", "template", "select", "menu", "dialog" };

    private static readonly HashSet<string> ExcludedRoles = new(StringComparer.OrdinalIgnoreCase) { "navigation", "complementary", "banner", "contentinfo", "search", "dialog" };

    /// <summary>Whether a file's text is HTML rather than plain text (by its first markup).</summary>
    public static bool LooksLikeHtml(string raw)
    {
        var start = raw.AsSpan().TrimStart();
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && raw.Contains("<html", StringComparison.OrdinalIgnoreCase);
    }

    internal override void Clean(string raw, DocumentDraft draft)
    {
        var document = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true }).ParseDocument(raw);
        ReadMetadata(raw, document, draft);

        var root = ArticleRoot(document);
        var kept = new List<(TextSpan Span, ParagraphKind Kind)>();
        if (root is not null)
        {
            foreach (var element in root.Descendants<IElement>().Where(e => BlockElements.Contains(e.LocalName)))
            {
                if (element.Ancestors<IElement>().TakeWhile(a => a != root.ParentElement).Any(a => IsFurniture(a) || BlockElements.Contains(a.LocalName) && a.LocalName != "li"))
                    continue;
                if (element.LocalName == "li" && element.QuerySelector("p, li, ul, ol") is not null) continue; // its inner blocks are taken instead
                if (LinkDensity(element) > 0.5) continue; // menus, share buttons, pagination, teasers: text that is mostly links
                if (Span(raw, element) is not { } span || string.IsNullOrWhiteSpace(WebUtility.HtmlDecode(element.TextContent))) continue;
                if (kept.Count > 0 && span.Start < kept[^1].Span.End) continue;
                var kind = element.LocalName switch
                {
                    "h1" => ParagraphKind.Title,
                    "h2" or "h3" or "h4" or "h5" or "h6" => ParagraphKind.Heading,
                    "figcaption" => ParagraphKind.Caption,
                    _ => ParagraphKind.Body,
                };
                kept.Add((span, kind));
            }
        }

        // The headline often stands above the article's container: keep the page's first <h1> when the root has none.
        var titleFact = draft.Facts.FirstOrDefault(f => f.Field == "title")?.Value;
        if (root is not null && root.QuerySelector("h1") is null && document.QuerySelector("h1") is { } headline && Span(raw, headline) is { } headlineSpan
            && (titleFact is null || DuplicateKey(Collapse(headline.TextContent)) == DuplicateKey(titleFact))
            && kept.All(k => k.Span.End <= headlineSpan.Start || k.Span.Start >= headlineSpan.End))
        {
            kept.Add((headlineSpan, ParagraphKind.Title));
            kept.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        }

        var head = document.Head is { } h ? Span(raw, h) : null;
        var position = 0;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (span, kind) in kept)
        {
            RemoveGap(raw, draft, position, span.Start, head);
            position = span.End;
            // Pages repeat their headline (an <h1> above, an <h2> in the article) and teasers: keep the first.
            var key = DuplicateKey(Normalize(raw, span).Text);
            if (seen.TryGetValue(key, out var first))
            {
                draft.Remove(span, RemovalKind.Boilerplate, $"repeats paragraph {first}");
                continue;
            }
            seen[key] = seen.Count + 1;
            draft.Paragraph(kind, span);
        }
        RemoveGap(raw, draft, position, raw.Length, head);
    }

    /// <summary>
    /// The element holding the article, found as readability tools find it: every paragraph of some length that is
    /// not mostly links and not inside page furniture scores its length for its parent and half of it for its
    /// grandparent; the highest-scoring element wins (an <c>article</c> or <c>main</c> around it is taken whole).
    /// The body when no paragraph qualifies.
    /// </summary>
    private static IElement? ArticleRoot(IDocument document)
    {
        var body = document.Body;
        if (body is null) return null;
        var scores = new Dictionary<IElement, double>();
        foreach (var p in body.QuerySelectorAll("p"))
        {
            var length = p.TextContent.Trim().Length;
            if (length < 25 || LinkDensity(p) > 0.5 || p.Ancestors<IElement>().Any(IsFurniture)) continue;
            if (p.ParentElement is { } parent) scores[parent] = scores.GetValueOrDefault(parent) + length;
            if (p.ParentElement?.ParentElement is { } grand) scores[grand] = scores.GetValueOrDefault(grand) + length / 2.0;
        }
        if (scores.Count == 0) return body;
        var best = scores.OrderByDescending(s => s.Value).First().Key;
        return best.Ancestors<IElement>().FirstOrDefault(a => a.LocalName is "article" or "main") ?? best;
    }

    // Class or id words of page furniture (readability's "unlikely candidates", with German sites' words).
    private static readonly System.Text.RegularExpressions.Regex FurnitureName = new(
        "comment|kommentar|related|sidebar|share|social|newsletter|breadcrumb|pagination|navigation|menu|footer|promo|advert|werbung|outbrain|taboola|cookie|consent|paywall|subscribe|abo-",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static bool IsFurniture(IElement element) =>
        Excluded.Contains(element.LocalName) || ExcludedRoles.Contains(element.GetAttribute("role") ?? "")
        || FurnitureName.IsMatch(element.GetAttribute("class") ?? "") || FurnitureName.IsMatch(element.Id ?? "");

    /// <summary>The share of an element's text that sits inside links.</summary>
    private static double LinkDensity(IElement element)
    {
        var text = element.TextContent.Trim().Length;
        return text == 0 ? 0 : (double)element.QuerySelectorAll("a").Sum(a => a.TextContent.Trim().Length) / text;
    }

    /// <summary>What lies between two kept blocks: the head as metadata, the rest as boilerplate, named by the elements that start in it.</summary>
    private static void RemoveGap(string raw, DocumentDraft draft, int start, int end, TextSpan? head)
    {
        if (head is { } h && h.Start < end && h.End > start)
        {
            RemoveGap(raw, draft, start, Math.Max(start, h.Start), null);
            draft.Remove(new TextSpan(Math.Max(start, h.Start), Math.Min(end, h.End)), RemovalKind.Metadata, "HTML head: title, meta tags, scripts and styles");
            RemoveGap(raw, draft, Math.Min(end, h.End), end, null);
            return;
        }
        var gap = Trimmed(raw, start, end);
        if (gap.Length == 0) return;
        var tags = System.Text.RegularExpressions.Regex.Matches(raw[gap.Start..gap.End], @"<([a-zA-Z][a-zA-Z0-9]*)")
            .Select(m => m.Groups[1].Value.ToLowerInvariant()).Distinct().Take(8).ToList();
        draft.Remove(gap, RemovalKind.Boilerplate, tags.Count == 0 ? "text outside the article's blocks" : $"HTML outside the article's text: {string.Join(", ", tags)}");
    }

    /// <summary>The raw span of an element: its start tag to the end of its end tag (or to where the parser closed it).</summary>
    private static TextSpan? Span(string raw, IElement element)
    {
        if (element.SourceReference is not { } source) return null;
        var start = source.Position.Position - 1; // AngleSharp counts from 1
        if (start < 0 || start >= raw.Length || raw[start] != '<') return null;
        var close = $"</{element.LocalName}";
        var depth = 0;
        var open = $"<{element.LocalName}";
        for (var i = start + 1; i < raw.Length; i++)
        {
            if (raw[i] != '<') continue;
            if (string.Compare(raw, i, close, 0, close.Length, StringComparison.OrdinalIgnoreCase) == 0 && End(raw, i + close.Length))
            {
                if (depth == 0)
                {
                    var gt = raw.IndexOf('>', i);
                    return new TextSpan(start, gt < 0 ? raw.Length : gt + 1);
                }
                depth--;
            }
            else if (string.Compare(raw, i, open, 0, open.Length, StringComparison.OrdinalIgnoreCase) == 0 && End(raw, i + open.Length))
            {
                depth++;
            }
            else if (element.LocalName is "p" or "li" && IsBlockStart(raw, i))
            {
                return new TextSpan(start, i); // an implied end tag, as HTML allows for <p> and <li>
            }
        }
        return new TextSpan(start, raw.Length);
    }

    private static bool End(string raw, int i) => i >= raw.Length || raw[i] is '>' or ' ' or '\t' or '\n' or '\r' or '/';

    private static bool IsBlockStart(string raw, int i)
    {
        foreach (var tag in new[] { "<p", "<li", "<div", "<h1", "<h2", "<h3", "<h4", "<h5", "<h6", "<ul", "<ol", "</ul", "</ol", "</div", "<table", "<section", "</section", "</article", "<blockquote" })
            if (string.Compare(raw, i, tag, 0, tag.Length, StringComparison.OrdinalIgnoreCase) == 0 && End(raw, i + tag.Length)) return true;
        return false;
    }

    /// <summary>Tags dropped (a line-breaking tag becomes a space), entities decoded, white space collapsed, NFC.</summary>
    public override SourcedText Normalize(string raw, TextSpan span)
    {
        var builder = new SourcedText.Builder();
        var i = span.Start;
        while (i < span.End)
        {
            var c = raw[i];
            if (c == '<')
            {
                var gt = raw.IndexOf('>', i);
                if (gt < 0 || gt >= span.End) break;
                var tag = raw[(i + 1)..gt].TrimStart('/').Split([' ', '\t', '\n', '\r', '/'], 2)[0].ToLowerInvariant();
                if (tag is "script" or "style")
                {
                    var end = raw.IndexOf($"</{tag}", gt, StringComparison.OrdinalIgnoreCase);
                    gt = end < 0 ? span.End - 1 : Math.Min(span.End - 1, raw.IndexOf('>', end) is var g and >= 0 ? g : span.End - 1);
                }
                else if (tag is "br" or "p" or "li" or "div" or "td" or "th" or "tr" or "hr")
                {
                    builder.Append(' ', i);
                }
                i = gt + 1;
                continue;
            }
            if (c == '&')
            {
                var semicolon = raw.IndexOf(';', i);
                if (semicolon > i && semicolon < span.End && semicolon - i <= 10)
                {
                    var decoded = WebUtility.HtmlDecode(raw[i..(semicolon + 1)]);
                    if (decoded.Length > 0 && decoded != raw[i..(semicolon + 1)])
                    {
                        foreach (var d in decoded) builder.Append(d, i);
                        i = semicolon + 1;
                        continue;
                    }
                }
            }
            builder.Append(c, i);
            i++;
        }
        return builder.Build().CollapseWhiteSpace().NormalizeNfc();
    }

    private static void ReadMetadata(string raw, IDocument document, DocumentDraft draft)
    {
        TextSpan At(IElement e) => Span(raw, e) ?? new TextSpan(0, 0);
        (string Value, IElement Element)? Meta(params string[] names)
        {
            foreach (var name in names)
                foreach (var e in document.QuerySelectorAll("meta"))
                    if (string.Equals(e.GetAttribute("property") ?? e.GetAttribute("name") ?? e.GetAttribute("itemprop"), name, StringComparison.OrdinalIgnoreCase)
                        && e.GetAttribute("content") is { Length: > 0 } content)
                        return (WebUtility.HtmlDecode(content).Trim(), e);
            return null;
        }

        var h1 = document.QuerySelector("article h1") ?? document.QuerySelector("h1");
        if (Meta("og:title", "twitter:title", "title") is { } title) draft.Fact("title", title.Value, At(title.Element));
        else if (h1 is not null && h1.TextContent.Trim().Length > 0) draft.Fact("title", Collapse(h1.TextContent), At(h1));
        else if (document.QuerySelector("title") is { } t && t.TextContent.Trim().Length > 0) draft.Fact("title", Collapse(t.TextContent), At(t));

        if (Meta("og:site_name", "application-name", "publisher") is { } site) draft.Fact("outlet", site.Value, At(site.Element));

        var published = Meta("article:published_time", "datePublished", "date", "pubdate", "dc.date", "DC.date.issued");
        if (published is { } p && GenericProfile.TryDate(p.Value, out var date)) draft.Fact("published", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), At(p.Element));
        else if (document.QuerySelector("time[datetime]") is { } time && GenericProfile.TryDate(time.GetAttribute("datetime")!, out var d))
            draft.Fact("published", d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), At(time));

        if (Meta("author", "article:author", "dc.creator") is { } author && !author.Value.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            foreach (var name in author.Value.Split([",", ";", " und ", " and "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                draft.Fact("author", name, At(author.Element));
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
