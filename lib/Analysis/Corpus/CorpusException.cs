namespace Analysis;

/// <summary>Bad corpus input. Names the file and the field (or rule) that is wrong, so the message says what to fix.</summary>
public sealed class CorpusException : Exception
{
    public CorpusException(string file, string field, string message, Exception? inner = null)
        : base($"{file}: {field}: {message}", inner)
    {
        File = file;
        Field = field;
    }

    public string File { get; }
    public string Field { get; }
}
