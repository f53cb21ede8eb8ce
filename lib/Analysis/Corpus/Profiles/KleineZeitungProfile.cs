using System.Text.RegularExpressions;

namespace Analysis;

/// <summary>One paragraph per line; a closing "Quelle: Outlet" line is metadata; trailing blank lines are dropped.</summary>
public sealed partial class KleineZeitungProfile : CleaningProfile
{
    public override string Name => "kleine-zeitung";
    public override string Description => "One paragraph per line. The closing 'Quelle: …' line names the outlet (metadata). Trailing blank lines are dropped.";

    [GeneratedRegex(@"^Quelle:\s*(?<outlet>.+?)\s*$")]
    private static partial Regex SourceLine();

    internal override void Clean(string raw, DocumentDraft draft)
    {
        foreach (var line in Lines.Split(raw).Where(l => !l.IsBlank(raw)))
        {
            var source = SourceLine().Match(line.Text(raw));
            if (source.Success)
            {
                var outlet = source.Groups["outlet"];
                draft.Fact("outlet", outlet.Value, new TextSpan(line.Start + outlet.Index, line.Start + outlet.Index + outlet.Length));
                draft.Remove(Trimmed(raw, line, line), RemovalKind.Metadata, "source line (outlet)");
                continue;
            }
            draft.Paragraph(ParagraphKind.Body, Trimmed(raw, line, line));
        }
    }
}
