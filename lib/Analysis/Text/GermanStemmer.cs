using System.Collections.Frozen;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Analysis.Text;

/// <summary>
/// Lucene.Net's Snowball German stemmer, cached per word form, with a short list of protected forms that
/// Snowball would merge with words of another meaning.
/// </summary>
/// <remarks>
/// Snowball reduces "Arbeiter" (workers) and "Arbeit" (work) both to "arbeit", "Arbeitende" (working people)
/// too, and "Politiker" with "Politik". In texts about labour those are different subjects, so a word ending in
/// a protected base (plus an inflection or gender ending) keeps the base as its stem: "Fabrikarbeiter",
/// "Arbeiter:innen" and "Arbeiterinnen" all stem to "…arbeiter". <see cref="MergedForms"/> lists every stem
/// whose forms differ by more than inflection, so the list can be reviewed against new texts.
/// </remarks>
public sealed class GermanStemmer
{
    /// <summary>Protected bases, each with why Snowball's merge is wrong here.</summary>
    public static readonly IReadOnlyDictionary<string, string> ProtectedBases = new Dictionary<string, string>
    {
        ["arbeiter"] = "workers, not work (Snowball: arbeit)",
        ["arbeitend"] = "working people, not work (Snowball: arbeit)",
        ["politiker"] = "politicians, not politics (Snowball: polit)",
        ["beschäftigt"] = "the employed; kept apart from Beschäftigung (employment)",
        ["güter"] = "goods, not good (Snowball: gut)",
        ["handwerker"] = "craftsmen, not craft (Snowball: handwerk)",
    };

    private static readonly string[] ProtectedEndings = ["", "e", "en", "er", "n", "s", "in", "innen", ":in", ":innen"];

    private readonly FrozenDictionary<string, string> _protected;
    private readonly Dictionary<string, string> _cache = new(StringComparer.Ordinal);
    private readonly Lucene.Net.Tartarus.Snowball.Ext.GermanStemmer _snowball = new();

    public GermanStemmer(IEnumerable<string>? protectedBases = null)
    {
        var bases = (protectedBases ?? ProtectedBases.Keys).ToList();
        _protected = bases.SelectMany(b => ProtectedEndings.Select(e => (Form: b + e, Base: b)))
            .GroupBy(x => x.Form).ToFrozenDictionary(g => g.Key, g => g.First().Base, StringComparer.Ordinal);
    }

    /// <summary>The stem of a normalised (lower-case) word. Gender forms stem like their base word.</summary>
    public string Stem(string norm)
    {
        if (_cache.TryGetValue(norm, out var stem)) return stem;
        stem = Compute(norm);
        _cache[norm] = stem;
        return stem;
    }

    private string Compute(string norm)
    {
        var word = norm;
        var colon = word.IndexOf(':');
        if (colon > 0) word = word[..colon];
        // Compounds are stemmed on their last part, keeping the rest: "ki-rechenzentren" -> "ki-rechenzentr".
        var hyphen = word.LastIndexOf('-');
        var head = hyphen >= 0 ? word[..(hyphen + 1)] : "";
        var tail = hyphen >= 0 ? word[(hyphen + 1)..] : word;
        for (var i = 0; i < tail.Length; i++)
            if (_protected.TryGetValue(tail[i..], out var protectedBase) && (i == 0 || tail.Length - i >= 6))
                return head + tail[..i] + protectedBase;
        _snowball.SetCurrent(tail);
        _snowball.Stem();
        return head + _snowball.Current;
    }

    /// <summary>Derivational endings: two forms of one stem that differ by one of these are different words.</summary>
    private static readonly string[] Derivational = ["er", "ler", "ner", "iker", "end", "ende", "enden", "ung", "ungen", "ik", "ismus", "ist", "isten"];

    private static readonly string[] Inflection = ["", "e", "en", "n", "s", "es", "er", "ern"];

    /// <summary>
    /// Stems whose surface forms differ by more than inflection: a noun (written with a capital) is another
    /// form of the stem plus a derivational ending ("Arbeit" / "Arbeiter", "gut" / "Güter" after umlaut folding).
    /// Adjective comparatives ("schnell" / "schneller") are lower-case and not reported.
    /// Input: (stem, surface form) pairs as counted.
    /// </summary>
    public static IReadOnlyList<(string Stem, IReadOnlyList<string> Forms)> MergedForms(IEnumerable<(string Stem, string Surface)> occurrences) =>
        occurrences.Distinct()
            .GroupBy(o => o.Stem, o => o.Surface.Split(':')[0])
            .Select(g => (Stem: g.Key, Forms: (IReadOnlyList<string>)g.Distinct().Order(StringComparer.Ordinal).ToList()))
            .Where(g => g.Forms.Any(a => g.Forms.Any(b => IsDerived(a, b))))
            .OrderBy(g => g.Stem, StringComparer.Ordinal)
            .ToList();

    private static bool IsDerived(string shorter, string longer)
    {
        if (!char.IsUpper(longer[0])) return false;
        var (a, b) = (Fold(shorter), Fold(longer));
        return b.Length > a.Length && b.StartsWith(a, StringComparison.Ordinal) && Derivational.Any(d => Inflection.Any(i => b[a.Length..] == d + i));
    }

    private static string Fold(string s) => s.ToLowerInvariant().Replace('ä', 'a').Replace('ö', 'o').Replace('ü', 'u');
}
