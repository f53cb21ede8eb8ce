namespace Analysis;

/// <summary>For any plain text: paragraphs are runs of lines between blank lines.</summary>
public sealed class GenericProfile : CleaningProfile
{
    public const string ProfileName = "generic";
    public override string Name => ProfileName;
    public override string Description => "Paragraphs are separated by blank lines; white space collapsed; Unicode NFC.";

    internal override void Clean(string raw, DocumentDraft draft)
    {
        foreach (var block in Blocks(raw, Lines.Split(raw)))
            draft.Paragraph(ParagraphKind.Body, Trimmed(raw, block[0], block[^1]));
    }
}
