namespace Analysis;

/// <summary>
/// Progress of long work (a topic sweep's fits, a large load) for whoever runs it: the notebook engine shows it on the
/// terminal or in the front end while a cell runs, and never saves it in the notebook. Flows with the async context,
/// so parallel work started by a cell reports to that cell.
/// </summary>
public static class WorkProgress
{
    private static readonly AsyncLocal<Action<string>?> Sink = new();

    /// <summary>Sends this flow's progress messages to <paramref name="sink"/> until disposed.</summary>
    public static IDisposable To(Action<string> sink)
    {
        var previous = Sink.Value;
        Sink.Value = sink;
        return new Restore(previous);
    }

    /// <summary>Reports a message ("topic sweep: fit 3 of 27 …"); nothing happens when no one listens.</summary>
    public static void Report(string message) => Sink.Value?.Invoke(message);

    private sealed class Restore(Action<string>? previous) : IDisposable
    {
        public void Dispose() => Sink.Value = previous;
    }
}
