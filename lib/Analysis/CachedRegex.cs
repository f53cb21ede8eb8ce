using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Analysis;

/// <summary>
/// Regex.Match and friends with every pattern compiled once per process. The static Regex methods keep only the last 15
/// patterns; the figure and voice rules build patterns from cue lists (one per cue word), so on a corpus of thousands of
/// numbers they parsed the same patterns again for every number (30 of 33 s on 54,578 numbers of the man pages).
/// </summary>
internal static class CachedRegex
{
    private static readonly ConcurrentDictionary<(string Pattern, RegexOptions Options), Regex> Compiled = new();

    private static Regex Of(string pattern, RegexOptions options) => Compiled.GetOrAdd((pattern, options), p => new Regex(p.Pattern, p.Options));

    public static Match Match(string input, string pattern, RegexOptions options = RegexOptions.None) => Of(pattern, options).Match(input);

    public static bool IsMatch(string input, string pattern, RegexOptions options = RegexOptions.None) => Of(pattern, options).IsMatch(input);

    public static MatchCollection Matches(string input, string pattern, RegexOptions options = RegexOptions.None) => Of(pattern, options).Matches(input);
}
