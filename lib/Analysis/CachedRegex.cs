using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Analysis;

/// <summary>
/// Regex.Match and friends for patterns built at run time (one per cue word of the figure rules, one per entity), each
/// compiled once per process. Fixed patterns are [GeneratedRegex] methods instead. The static Regex methods keep only the
/// last 15 patterns, so the figure rules parsed the same patterns again for every number (30 of 33 s on 54,578 numbers of
/// the man pages).
/// </summary>
internal static class CachedRegex
{
    private static readonly ConcurrentDictionary<(string Pattern, RegexOptions Options), Regex> Compiled = new();

    private static Regex Of(string pattern, RegexOptions options) => Compiled.GetOrAdd((pattern, options), p => new Regex(p.Pattern, p.Options));

    public static Match Match(string input, string pattern, RegexOptions options = RegexOptions.None) => Of(pattern, options).Match(input);

    public static bool IsMatch(string input, string pattern, RegexOptions options = RegexOptions.None) => Of(pattern, options).IsMatch(input);

    public static MatchCollection Matches(string input, string pattern, RegexOptions options = RegexOptions.None) => Of(pattern, options).Matches(input);
}
