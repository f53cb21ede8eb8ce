using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Analysis.Text;

/// <summary>
/// Tallies the written forms of each term, so tables can show "Arbeiter" rather than the stem "arbeiter":
/// the display form is the most frequent one, ties broken by ordinal order.
/// </summary>
public sealed class SurfaceForms
{
    private readonly Dictionary<string, Dictionary<string, int>> _forms = new(StringComparer.Ordinal);

    public void Add(string key, string surface)
    {
        var bySurface = _forms.TryGetValue(key, out var s) ? s : _forms[key] = new(StringComparer.Ordinal);
        CollectionsMarshal.GetValueRefOrAddDefault(bySurface, surface, out _)++;
    }

    /// <summary>Term → its display form.</summary>
    public ImmutableDictionary<string, string> Display() =>
        _forms.ToImmutableDictionary(f => f.Key, f => f.Value.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).First().Key, StringComparer.Ordinal);
}
