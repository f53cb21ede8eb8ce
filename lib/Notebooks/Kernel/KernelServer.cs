using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;
using Notebooks.Engine;

namespace Notebooks.Kernel;

/// <summary>
/// A Jupyter kernel (messaging protocol 5.3) over ZeroMQ, running cells with the headless engine's
/// <see cref="CSharpSession"/>: one code path for execution, formatting and outputs. The poller thread owns every
/// socket; shell requests run one at a time on an executor thread, so control requests (interrupt, shutdown)
/// and the heartbeat are answered while a cell runs.
/// </summary>
public sealed class KernelServer : IDisposable
{
    public const string ProtocolVersion = "5.3";

    private readonly WireFormat _wire;
    private readonly TextWriter _log;
    private readonly string _session = Guid.NewGuid().ToString("N");
    private readonly RouterSocket _shell = new();
    private readonly RouterSocket _control = new();
    private readonly RouterSocket _stdin = new();
    private readonly PublisherSocket _iopub = new();
    private readonly ResponseSocket _heartbeat = new();
    private readonly NetMQQueue<Action> _outbox = new();
    private readonly NetMQPoller _poller;
    private readonly BlockingCollection<JupyterMessage> _requests = new();
    private readonly string _notebook;
    private CSharpSession _cells;
    private CancellationTokenSource _interrupt = new();
    private volatile bool _running;
    private int _executionCount;
    private volatile bool _stopped;

    public KernelServer(ConnectionInfo connection, TextWriter log)
    {
        _wire = new WireFormat(connection.Key);
        _log = log;
        _notebook = Path.GetFileName(Environment.GetEnvironmentVariable("JPY_SESSION_NAME") ?? "") is { Length: > 0 } name ? name : "cell";
        _cells = NewSession();
        _shell.Bind(connection.Address(connection.ShellPort));
        _control.Bind(connection.Address(connection.ControlPort));
        _stdin.Bind(connection.Address(connection.StdinPort));
        _iopub.Bind(connection.Address(connection.IoPubPort));
        _heartbeat.Bind(connection.Address(connection.HbPort));
        _shell.ReceiveReady += (_, e) => Receive(e.Socket, control: false);
        _control.ReceiveReady += (_, e) => Receive(e.Socket, control: true);
        _stdin.ReceiveReady += (_, e) => ReceiveInput(e.Socket);
        _heartbeat.ReceiveReady += (_, e) => e.Socket.SendMultipartMessage(e.Socket.ReceiveMultipartMessage());
        _outbox.ReceiveReady += (_, e) => { while (e.Queue.TryDequeue(out var send, TimeSpan.Zero)) send(); };
        _poller = new NetMQPoller { _shell, _control, _stdin, _heartbeat, _outbox };
    }

    private CSharpSession NewSession() =>
        new(new SessionOptions(_notebook, Directory.GetCurrentDirectory(), TimeSpan.FromDays(1)));

    /// <summary>Serves until a shutdown request without restart.</summary>
    public void Run()
    {
        var executor = new Thread(ExecuteLoop) { IsBackground = true, Name = "kernel executor" };
        executor.Start();
        Publish(null, "status", new JsonObject { ["execution_state"] = "starting" });
        _poller.Run();
        _requests.CompleteAdding();
    }

    private void Receive(NetMQSocket socket, bool control)
    {
        var frames = socket.ReceiveMultipartMessage().Select(f => f.ToByteArray()).ToList();
        JupyterMessage message;
        try
        {
            message = _wire.Parse(frames);
        }
        catch (InvalidDataException e)
        {
            _log.WriteLine($"kernel: dropped a message on {(control ? "control" : "shell")}: {e.Message}");
            return;
        }
        if (control) HandleControl((RouterSocket)socket, message);
        else _requests.Add(message);
    }

    // Lines the client typed in answer to an input_request, for the cell waiting in Console.ReadLine.
    private readonly BlockingCollection<string> _input = new();

    private void ReceiveInput(NetMQSocket socket)
    {
        var frames = socket.ReceiveMultipartMessage().Select(f => f.ToByteArray()).ToList();
        try
        {
            var message = _wire.Parse(frames);
            if (message.Type == "input_reply" && message.Content["value"]?.GetValueKind() == System.Text.Json.JsonValueKind.String)
                _input.Add(message.Content["value"]!.GetValue<string>());
            else _log.WriteLine($"kernel: ignored '{message.Type}' on stdin");
        }
        catch (InvalidDataException e)
        {
            _log.WriteLine($"kernel: dropped a message on stdin: {e.Message}");
        }
    }

    /// <summary>Asks the client for a line (input_request on stdin, as ipykernel does) and waits for it; an interrupt ends the wait.</summary>
    private string AskForInput(JupyterMessage request, string prompt)
    {
        while (_input.TryTake(out _)) { } // answers nobody waits for any more
        Send(_stdin, new JupyterMessage
        {
            Identities = request.Identities,
            Header = JupyterMessage.NewHeader("input_request", _session),
            ParentHeader = request.Header.DeepClone().AsObject(),
            Content = new JsonObject { ["prompt"] = prompt, ["password"] = false },
        });
        return _input.Take(_interrupt.Token);
    }

    private void HandleControl(RouterSocket socket, JupyterMessage message)
    {
        try
        {
            Control(socket, message);
        }
        catch (BadRequestException e)
        {
            Reply(socket, message, ReplyType(message), e.Content());
        }
    }

    private void Control(RouterSocket socket, JupyterMessage message)
    {
        switch (message.Type)
        {
            case "interrupt_request":
                // Only a running cell is interrupted; an interrupt while idle must not cancel the next cell.
                if (_running) _interrupt.Cancel();
                Reply(socket, message, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                break;
            case "shutdown_request":
                Shutdown(socket, message);
                break;
            case "kernel_info_request":
                Reply(socket, message, "kernel_info_reply", KernelInfo());
                break;
            default:
                _log.WriteLine($"kernel: unsupported control message '{message.Type}'");
                break;
        }
    }

    private void Shutdown(RouterSocket socket, JupyterMessage message)
    {
        var restart = Bool(message.Content, "restart", false);
        _interrupt.Cancel();
        Reply(socket, message, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart });
        if (restart)
        {
            _cells = NewSession();
            _executionCount = 0;
            _interrupt = new CancellationTokenSource();
            return;
        }
        _stopped = true;
        _outbox.Enqueue(() => _poller.StopAsync());
    }

    private void ExecuteLoop()
    {
        foreach (var message in _requests.GetConsumingEnumerable())
        {
            if (_stopped) break;
            try
            {
                HandleShell(message);
            }
            catch (BadRequestException e)
            {
                // A request with a field of the wrong type gets an error reply, so that no client waits for ever.
                Reply(_shell, message, ReplyType(message), e.Content());
                Publish(message, "status", new JsonObject { ["execution_state"] = "idle" });
            }
            catch (Exception e)
            {
                // A request the kernel cannot serve must not take the kernel down.
                _log.WriteLine($"kernel: {message.Type} failed: {e}");
                Publish(message, "status", new JsonObject { ["execution_state"] = "idle" });
            }
        }
    }

    private void HandleShell(JupyterMessage message)
    {
        Publish(message, "status", new JsonObject { ["execution_state"] = "busy" });
        var content = message.Content;
        switch (message.Type)
        {
            case "kernel_info_request":
                Reply(_shell, message, "kernel_info_reply", KernelInfo());
                break;
            case "execute_request":
                Execute(message);
                break;
            case "is_complete_request":
                Reply(_shell, message, "is_complete_reply", new JsonObject { ["status"] = Completion.IsComplete(Text(content, "code")), ["indent"] = "" });
                break;
            case "complete_request":
                var (start, end, matches) = Completion.Complete(_cells, Text(content, "code"), Int(content, "cursor_pos", 0));
                Reply(_shell, message, "complete_reply", new JsonObject
                {
                    ["status"] = "ok", ["matches"] = new JsonArray([.. matches.Select(m => (JsonNode)JsonValue.Create(m)!)]),
                    ["cursor_start"] = start, ["cursor_end"] = end, ["metadata"] = new JsonObject(),
                });
                break;
            case "inspect_request":
                var doc = Completion.Inspect(_cells, Text(content, "code"), Int(content, "cursor_pos", 0));
                Reply(_shell, message, "inspect_reply", new JsonObject
                {
                    ["status"] = "ok", ["found"] = doc is not null,
                    ["data"] = doc is null ? new JsonObject() : new JsonObject { ["text/plain"] = doc }, ["metadata"] = new JsonObject(),
                });
                break;
            case "comm_open":
                // No comm targets here (no widgets): close the comm at once, as Jupyter expects of an unknown target.
                Publish(message, "comm_close", new JsonObject { ["comm_id"] = message.Content["comm_id"]?.DeepClone(), ["data"] = new JsonObject() });
                break;
            case "comm_msg" or "comm_close":
                break;
            case "comm_info_request":
                Reply(_shell, message, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                break;
            case "history_request":
                Reply(_shell, message, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() });
                break;
            case "shutdown_request":
                Shutdown(_shell, message);
                break;
            default:
                _log.WriteLine($"kernel: unsupported shell message '{message.Type}'");
                break;
        }
        Publish(message, "status", new JsonObject { ["execution_state"] = "idle" });
    }

    private void Execute(JupyterMessage message)
    {
        var code = Text(message.Content, "code");
        var silent = Bool(message.Content, "silent", false);
        var storeHistory = !silent && Bool(message.Content, "store_history", true);
        if (storeHistory) _executionCount++;
        var count = _executionCount;
        if (!silent) Publish(message, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count });

        // Writes are published live: what a cell prints is sent within 50 ms (a timer flushes the buffer), and writes
        // that come faster are sent together, so that a loop printing 80,000 lines sends a few hundred messages.
        var collector = new OutputCollector();
        var gate = new Lock();
        string? pendingName = null;
        var pendingText = new StringBuilder();
        void Flush()
        {
            lock (gate)
            {
                if (pendingName is not null && !silent && pendingText.Length > 0)
                    Publish(message, "stream", new JsonObject { ["name"] = pendingName, ["text"] = pendingText.ToString() });
                pendingName = null;
                pendingText.Clear();
            }
        }
        using var ticker = new Timer(_ => Flush(), null, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50));
        collector.Published += output =>
        {
            if (output is StreamOutput s)
            {
                bool otherStream;
                lock (gate) otherStream = pendingName is not null && pendingName != s.Name;
                if (otherStream) Flush();
                lock (gate)
                {
                    pendingName = s.Name;
                    pendingText.Append(s.Text);
                }
                return;
            }
            Flush();
            if (silent) return;
            Send(output);
        };

        void Send(CellOutput output)
        {
            switch (output)
            {
                case StreamOutput s:
                    Publish(message, "stream", new JsonObject { ["name"] = s.Name, ["text"] = s.Text });
                    break;
                case DisplayOutput d:
                    var transient = d.DisplayId is null ? new JsonObject() : new JsonObject { ["display_id"] = d.DisplayId };
                    Publish(message, d.IsUpdate ? "update_display_data" : "display_data", new JsonObject { ["data"] = d.Data.ToWire(), ["metadata"] = new JsonObject(), ["transient"] = transient });
                    break;
                case ResultOutput r:
                    Publish(message, "execute_result", new JsonObject { ["data"] = r.Data.ToWire(), ["metadata"] = new JsonObject(), ["execution_count"] = r.ExecutionCount });
                    break;
                case ErrorOutput x:
                    Publish(message, "error", ErrorContent(x));
                    break;
            }
        }

        // The cell id is optional metadata: one of another type is ignored, not an error.
        var cellId = message.Metadata["cellId"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? message.Metadata["cellId"]!.GetValue<string>() : $"k{count}";
        if (_interrupt.IsCancellationRequested) _interrupt = new CancellationTokenSource();
        _running = true;
        CellRun run;
        var allowStdin = Bool(message.Content, "allow_stdin", false);
        var previousInput = ConsoleCapture.Input.Value;
        ConsoleCapture.Input.Value = allowStdin ? prompt => AskForInput(message, prompt) : null;
        // Long work's progress (Analysis.WorkProgress: "topic sweep: fit 3 of 27 …") is one display, updated in place.
        // When the cell ends, the front end clears the cell and is sent its outputs again, without the progress: seen
        // while it runs, nothing of it left to save.
        var progressId = $"{cellId}-progress";
        var progressShown = 0;
        void ShowProgress(string text)
        {
            if (silent) return;
            var first = Interlocked.Exchange(ref progressShown, 1) == 0;
            Flush();
            Publish(message, first ? "display_data" : "update_display_data", new JsonObject
            {
                ["data"] = new JsonObject { ["text/plain"] = text }, ["metadata"] = new JsonObject(), ["transient"] = new JsonObject { ["display_id"] = progressId },
            });
        }
        try
        {
            using var work = Analysis.WorkProgress.To(ShowProgress);
            run = _cells.ExecuteAsync(code, cellId, $"{_notebook}[{count}]", count, collector, _interrupt.Token).GetAwaiter().GetResult();
        }
        finally
        {
            _running = false;
            ConsoleCapture.Input.Value = previousInput;
        }
        Flush();
        if (Volatile.Read(ref progressShown) == 1 && !silent)
        {
            Publish(message, "clear_output", new JsonObject { ["wait"] = false });
            foreach (var output in collector.Outputs) Send(output);
        }
        if (_interrupt.IsCancellationRequested) _interrupt = new CancellationTokenSource();
        var reply = run.Succeeded
            ? new JsonObject { ["status"] = "ok", ["execution_count"] = count, ["user_expressions"] = new JsonObject(), ["payload"] = new JsonArray() }
            : ErrorContent(run.Error!).Also(c => { c["status"] = "error"; c["execution_count"] = count; });
        Reply(_shell, message, "execute_reply", reply);
    }

    private static JsonObject ErrorContent(ErrorOutput error) => new()
    {
        ["ename"] = error.Name,
        ["evalue"] = error.Value,
        ["traceback"] = new JsonArray([.. error.Traceback.Select(t => (JsonNode)JsonValue.Create(t)!)]),
    };

    private static string Text(JsonObject content, string field) => content[field] switch
    {
        null => "",
        var v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
        _ => throw new BadRequestException(field, "a string"),
    };

    private static bool Bool(JsonObject content, string field, bool fallback) => content[field] switch
    {
        null => fallback,
        var v when v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => v.GetValue<bool>(),
        _ => throw new BadRequestException(field, "true or false"),
    };

    private static int Int(JsonObject content, string field, int fallback) => content[field] switch
    {
        null => fallback,
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        _ => throw new BadRequestException(field, "a whole number"),
    };

    private static string ReplyType(JupyterMessage message) =>
        message.Type.EndsWith("_request", StringComparison.Ordinal) ? message.Type[..^"_request".Length] + "_reply" : message.Type + "_reply";

    /// <summary>A request whose content has a field of the wrong type.</summary>
    private sealed class BadRequestException(string field, string expected) : Exception($"'{field}' must be {expected}.")
    {
        public JsonObject Content() => new() { ["status"] = "error", ["ename"] = "BadRequest", ["evalue"] = Message, ["traceback"] = new JsonArray() };
    }

    public static JsonObject KernelInfo() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = ProtocolVersion,
        ["implementation"] = "csharp-analysis",
        ["implementation_version"] = typeof(KernelServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0",
        ["language_info"] = new JsonObject
        {
            ["name"] = "C#", ["version"] = "latest", ["mimetype"] = "text/x-csharp", ["file_extension"] = ".cs", ["pygments_lexer"] = "csharp",
        },
        ["banner"] = "C# (Analysis): the repository's notebook engine on Roslyn scripting, with lib/Analysis and the pinned packages referenced.",
        ["help_links"] = new JsonArray(),
    };

    private void Reply(RouterSocket socket, JupyterMessage request, string type, JsonObject content) =>
        Send(socket, new JupyterMessage
        {
            Identities = request.Identities,
            Header = JupyterMessage.NewHeader(type, _session),
            ParentHeader = request.Header.DeepClone().AsObject(),
            Content = content,
        });

    private void Publish(JupyterMessage? parent, string type, JsonObject content) =>
        Send(_iopub, new JupyterMessage
        {
            Identities = [Encoding.UTF8.GetBytes(type)],
            Header = JupyterMessage.NewHeader(type, _session),
            ParentHeader = parent?.Header.DeepClone().AsObject() ?? [],
            Content = content,
        });

    /// <summary>Sockets are used only on the poller thread: every send is queued to it.</summary>
    private void Send(NetMQSocket socket, JupyterMessage message)
    {
        var frames = _wire.Serialize(message);
        _outbox.Enqueue(() =>
        {
            var msg = new NetMQMessage();
            foreach (var frame in frames) msg.Append(frame);
            socket.SendMultipartMessage(msg);
        });
    }

    public void Dispose()
    {
        _poller.Dispose();
        foreach (var socket in new NetMQSocket[] { _shell, _control, _stdin, _iopub, _heartbeat }) socket.Dispose();
        _outbox.Dispose();
        _requests.Dispose();
        NetMQConfig.Cleanup(block: false);
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject obj, Action<JsonObject> configure)
    {
        configure(obj);
        return obj;
    }
}
