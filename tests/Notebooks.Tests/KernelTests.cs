using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;
using Notebooks.Kernel;

namespace Notebooks.Tests;

/// <summary>A kernel on loopback ports and a NetMQ client speaking the Jupyter protocol to it.</summary>
public sealed class KernelHarness : IDisposable
{
    private readonly KernelServer _server;
    private readonly Thread _thread;
    private readonly WireFormat _wire;
    private readonly string _session = Guid.NewGuid().ToString("N");

    public KernelHarness(string key = "test-key")
    {
        var ports = FreePorts(5);
        Connection = new ConnectionInfo("tcp", "127.0.0.1", ports[0], ports[1], ports[2], ports[3], ports[4], key, "hmac-sha256");
        _wire = new WireFormat(key);
        Log = new StringWriter();
        _server = new KernelServer(Connection, TextWriter.Synchronized(Log));
        _thread = new Thread(_server.Run) { IsBackground = true };
        _thread.Start();
        Shell = new DealerSocket();
        Shell.Options.Identity = Encoding.UTF8.GetBytes("shell-" + _session);
        Shell.Connect(Connection.Address(Connection.ShellPort));
        Control = new DealerSocket();
        Control.Options.Identity = Encoding.UTF8.GetBytes("control-" + _session);
        Control.Connect(Connection.Address(Connection.ControlPort));
        // As jupyter_client does: the stdin socket has the shell socket's identity, so the kernel can address it.
        Stdin = new DealerSocket();
        Stdin.Options.Identity = Encoding.UTF8.GetBytes("shell-" + _session);
        Stdin.Connect(Connection.Address(Connection.StdinPort));
        IoPub = new SubscriberSocket();
        IoPub.Connect(Connection.Address(Connection.IoPubPort));
        IoPub.SubscribeToAnyTopic();
        WaitForIoPub();
    }

    /// <summary>
    /// A subscription takes a moment to reach the publisher, and messages published before it are lost. Ask for
    /// kernel_info until its status messages arrive on IOPub; then every later request's messages will.
    /// </summary>
    private void WaitForIoPub()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var request = Send(Shell, Request("kernel_info_request", []));
            Reply(Shell, 30);
            var seen = false;
            var until = DateTime.UtcNow.AddMilliseconds(500);
            while (DateTime.UtcNow < until)
            {
                var m = Receive(IoPub, TimeSpan.FromMilliseconds(100));
                if (m is not null && m.ParentHeader["msg_id"]?.GetValue<string>() == request.Id && m.Content["execution_state"]?.GetValue<string>() == "idle") { seen = true; break; }
            }
            if (seen) return;
        }
        throw new TimeoutException("IOPub subscription never became active");
    }

    public ConnectionInfo Connection { get; }
    public StringWriter Log { get; }
    public DealerSocket Shell { get; }
    public DealerSocket Control { get; }
    public DealerSocket Stdin { get; }
    public SubscriberSocket IoPub { get; }
    public Thread ServerThread => _thread;

    /// <summary>Distinct free ports: all listeners stay open until every port is chosen, so the OS cannot hand one out twice.</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }

    public JupyterMessage Request(string type, JsonObject content, JsonObject? metadata = null) => new()
    {
        Header = JupyterMessage.NewHeader(type, _session),
        Metadata = metadata ?? [],
        Content = content,
    };

    public JupyterMessage Send(NetMQSocket socket, JupyterMessage message)
    {
        SendFrames(socket, _wire.Serialize(message));
        return message;
    }

    public void SendFrames(NetMQSocket socket, IEnumerable<byte[]> frames)
    {
        var msg = new NetMQMessage();
        foreach (var f in frames) msg.Append(f);
        socket.SendMultipartMessage(msg);
    }

    public JupyterMessage? Receive(NetMQSocket socket, TimeSpan timeout)
    {
        NetMQMessage? msg = null;
        if (!socket.TryReceiveMultipartMessage(timeout, ref msg)) return null;
        return _wire.Parse(msg!.Select(f => f.ToByteArray()).ToList());
    }

    public JupyterMessage Reply(NetMQSocket socket, double seconds = 60) =>
        Receive(socket, TimeSpan.FromSeconds(seconds)) ?? throw new TimeoutException("no reply from the kernel");

    /// <summary>IOPub messages answering <paramref name="request"/>, up to and including its "idle" status.</summary>
    public List<JupyterMessage> IoPubFor(JupyterMessage request, double seconds = 60)
    {
        var result = new List<JupyterMessage>();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            var m = Receive(IoPub, TimeSpan.FromSeconds(1));
            if (m is null || m.ParentHeader["msg_id"]?.GetValue<string>() != request.Id) continue;
            result.Add(m);
            if (m.Type == "status" && m.Content["execution_state"]?.GetValue<string>() == "idle") return result;
        }
        throw new TimeoutException("no idle status on IOPub");
    }

    public (JupyterMessage Reply, List<JupyterMessage> IoPub) Execute(string code)
    {
        var request = Send(Shell, Request("execute_request", new JsonObject { ["code"] = code, ["silent"] = false, ["store_history"] = true }));
        var reply = Reply(Shell);
        return (reply, IoPubFor(request));
    }

    public void Dispose()
    {
        if (_thread.IsAlive)
        {
            Send(Control, Request("shutdown_request", new JsonObject { ["restart"] = false }));
            Receive(Control, TimeSpan.FromSeconds(5));
            _thread.Join(TimeSpan.FromSeconds(5));
        }
        Shell.Dispose();
        Control.Dispose();
        Stdin.Dispose();
        IoPub.Dispose();
        _server.Dispose();
    }
}

public class KernelTests
{
    [Fact]
    public void KernelInfo_AnswersProtocol53AndTheNotebooksLanguage()
    {
        using var k = new KernelHarness();
        var request = k.Send(k.Shell, k.Request("kernel_info_request", []));
        var reply = k.Reply(k.Shell);
        Assert.Equal("kernel_info_reply", reply.Type);
        Assert.Equal(request.Id, reply.ParentHeader["msg_id"]!.GetValue<string>());
        Assert.Equal("5.3", reply.Content["protocol_version"]!.GetValue<string>());
        Assert.Equal("C#", reply.Content["language_info"]!["name"]!.GetValue<string>());
        Assert.Equal(".cs", reply.Content["language_info"]!["file_extension"]!.GetValue<string>());
    }

    [Fact]
    public void Execute_PublishesEveryOutputKind_BetweenBusyAndIdle()
    {
        using var k = new KernelHarness();
        var (reply, iopub) = k.Execute("Console.Write(\"a\");\nConsole.WriteLine(\"b\");\ndisplay(HTML(\"<b>x</b>\"));\n6 * 7");
        Assert.Equal("ok", reply.Content["status"]!.GetValue<string>());
        Assert.Equal(1, reply.Content["execution_count"]!.GetValue<int>());
        Assert.Equal(["status", "execute_input", "stream", "display_data", "execute_result", "status"], iopub.Select(m => m.Type));
        Assert.Equal("busy", iopub[0].Content["execution_state"]!.GetValue<string>());
        Assert.Equal("ab\n", iopub[2].Content["text"]!.GetValue<string>());
        Assert.Equal("<b>x</b>", iopub[3].Content["data"]!["text/html"]!.GetValue<string>());
        Assert.Equal("42", iopub[4].Content["data"]!["text/plain"]!.GetValue<string>());
        Assert.Equal(1, iopub[4].Content["execution_count"]!.GetValue<int>());

        var (second, _) = k.Execute("var x = 1;");
        Assert.Equal(2, second.Content["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public void AFailingCell_RepliesWithTheError_AndTheKernelStaysAlive()
    {
        using var k = new KernelHarness();
        var (reply, iopub) = k.Execute("throw new InvalidOperationException(\"boom\");");
        Assert.Equal("error", reply.Content["status"]!.GetValue<string>());
        Assert.Equal("System.InvalidOperationException", reply.Content["ename"]!.GetValue<string>());
        Assert.Contains(iopub, m => m.Type == "error" && m.Content["evalue"]!.GetValue<string>() == "boom");

        var (unknown, _) = k.Execute("#r \"nuget: No.Such.Package, 1.0.0\"");
        Assert.Equal("DirectiveError", unknown.Content["ename"]!.GetValue<string>());

        var (after, _) = k.Execute("1 + 1");
        Assert.Equal("ok", after.Content["status"]!.GetValue<string>());
    }

    [Fact]
    public void BadSignaturesAndMalformedMessages_AreDropped_AndTheKernelStaysAlive()
    {
        using var k = new KernelHarness();
        var forged = new WireFormat("wrong-key").Serialize(k.Request("kernel_info_request", []));
        k.SendFrames(k.Shell, forged);
        Assert.Null(k.Receive(k.Shell, TimeSpan.FromSeconds(1)));
        k.SendFrames(k.Shell, [Encoding.UTF8.GetBytes("not a jupyter message")]);
        Assert.Null(k.Receive(k.Shell, TimeSpan.FromSeconds(1)));
        Assert.Contains("invalid signature", k.Log.ToString());
        Assert.Contains("malformed message", k.Log.ToString());

        k.Send(k.Shell, k.Request("kernel_info_request", []));
        Assert.Equal("kernel_info_reply", k.Reply(k.Shell).Type);
    }

    [Fact]
    public void Interrupt_CancelsALongCell_AndLaterCellsRun()
    {
        using var k = new KernelHarness();
        k.Execute("var before = 41;");
        var request = k.Send(k.Shell, k.Request("execute_request", new JsonObject { ["code"] = "System.Threading.Thread.Sleep(60_000);", ["silent"] = false, ["store_history"] = true }));
        Thread.Sleep(1000);
        k.Send(k.Control, k.Request("interrupt_request", []));
        Assert.Equal("interrupt_reply", k.Reply(k.Control, 10).Type);
        var reply = k.Reply(k.Shell, 10);
        Assert.Equal("error", reply.Content["status"]!.GetValue<string>());
        Assert.Equal("OperationCanceledException", reply.Content["ename"]!.GetValue<string>());
        k.IoPubFor(request);

        var (after, iopub) = k.Execute("before + 1");
        Assert.Equal("ok", after.Content["status"]!.GetValue<string>());
        Assert.Equal("42", iopub.Single(m => m.Type == "execute_result").Content["data"]!["text/plain"]!.GetValue<string>());
    }

    [Fact]
    public void CompleteInspectAndIsComplete_UseRoslyn()
    {
        using var k = new KernelHarness();
        var (setup, _) = k.Execute("using Analysis;\nvar corpusSize = 5;");
        Assert.Equal("ok", setup.Content["status"]!.GetValue<string>());

        k.Send(k.Shell, k.Request("complete_request", new JsonObject { ["code"] = "corp", ["cursor_pos"] = 4 }));
        var locals = k.Reply(k.Shell);
        Assert.Contains("corpusSize", locals.Content["matches"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(0, locals.Content["cursor_start"]!.GetValue<int>());

        k.Send(k.Shell, k.Request("complete_request", new JsonObject { ["code"] = "\"text\".Len", ["cursor_pos"] = 10 }));
        Assert.Contains("Length", k.Reply(k.Shell).Content["matches"]!.AsArray().Select(m => m!.GetValue<string>()));

        k.Send(k.Shell, k.Request("complete_request", new JsonObject { ["code"] = "Corpus.Lo", ["cursor_pos"] = 9 }));
        Assert.Contains("Load", k.Reply(k.Shell).Content["matches"]!.AsArray().Select(m => m!.GetValue<string>()));

        k.Send(k.Shell, k.Request("inspect_request", new JsonObject { ["code"] = "Corpus.Load", ["cursor_pos"] = 9, ["detail_level"] = 0 }));
        var inspect = k.Reply(k.Shell);
        Assert.True(inspect.Content["found"]!.GetValue<bool>());
        Assert.Contains("Load", inspect.Content["data"]!["text/plain"]!.GetValue<string>());

        k.Send(k.Shell, k.Request("is_complete_request", new JsonObject { ["code"] = "if (true) {" }));
        Assert.Equal("incomplete", k.Reply(k.Shell).Content["status"]!.GetValue<string>());
        k.Send(k.Shell, k.Request("is_complete_request", new JsonObject { ["code"] = "var a = 1;" }));
        Assert.Equal("complete", k.Reply(k.Shell).Content["status"]!.GetValue<string>());
    }

    [Fact]
    public void Heartbeat_Echoes_AndShutdownStopsTheKernel()
    {
        var k = new KernelHarness();
        using (var hb = new RequestSocket())
        {
            hb.Connect(k.Connection.Address(k.Connection.HbPort));
            hb.SendFrame("ping");
            Assert.True(hb.TryReceiveFrameString(TimeSpan.FromSeconds(5), out var echo));
            Assert.Equal("ping", echo);
        }
        k.Send(k.Control, k.Request("shutdown_request", new JsonObject { ["restart"] = false }));
        var reply = k.Reply(k.Control, 10);
        Assert.Equal("shutdown_reply", reply.Type);
        Assert.False(reply.Content["restart"]!.GetValue<bool>());
        Assert.True(k.ServerThread.Join(TimeSpan.FromSeconds(10)));
        k.Dispose();
    }

    [Fact]
    public void SilentExecution_PublishesNothing_AndDoesNotCount()
    {
        using var k = new KernelHarness();
        var request = k.Send(k.Shell, k.Request("execute_request", new JsonObject { ["code"] = "Console.WriteLine(1); 2", ["silent"] = true, ["store_history"] = true }));
        var reply = k.Reply(k.Shell);
        Assert.Equal("ok", reply.Content["status"]!.GetValue<string>());
        Assert.Equal(["status", "status"], k.IoPubFor(request).Select(m => m.Type));
        var (next, _) = k.Execute("3");
        Assert.Equal(1, next.Content["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public void ShutdownWithRestart_KeepsTheKernelUp_WithAFreshSession()
    {
        using var k = new KernelHarness();
        k.Execute("var kept = 1;");
        k.Send(k.Control, k.Request("shutdown_request", new JsonObject { ["restart"] = true }));
        Assert.True(k.Reply(k.Control, 10).Content["restart"]!.GetValue<bool>());
        var (reply, _) = k.Execute("kept");
        Assert.Equal("CompilationError", reply.Content["ename"]!.GetValue<string>());
        Assert.Equal(1, reply.Content["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public void KernelSpec_InstallsWhereJupyterLooks_AndUninstalls()
    {
        var data = Path.Combine(Path.GetTempPath(), "jupyter-" + Guid.NewGuid().ToString("N"));
        try
        {
            var directory = KernelSpec.Install(data);
            Assert.Equal(Path.Combine(data, "kernels", "csharp-analysis"), directory);
            var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "kernel.json")))!;
            Assert.Equal("C#", spec["language"]!.GetValue<string>());
            Assert.Equal("message", spec["interrupt_mode"]!.GetValue<string>());
            Assert.Equal("{connection_file}", spec["argv"]!.AsArray().Last()!.GetValue<string>());
            Assert.Equal(directory, KernelSpec.Uninstall(data));
            Assert.False(Directory.Exists(directory));
        }
        finally
        {
            if (Directory.Exists(data)) Directory.Delete(data, true);
        }
    }

    [Fact]
    public void AnInterruptWhileIdle_DoesNotCancelTheNextCell()
    {
        using var k = new KernelHarness();
        var file = Path.Combine(Path.GetTempPath(), "ran-" + Guid.NewGuid().ToString("N"));
        k.Send(k.Control, k.Request("interrupt_request", []));
        Assert.Equal("interrupt_reply", k.Reply(k.Control).Type);
        var (reply, _) = k.Execute($"System.IO.File.WriteAllText(@\"{file}\", \"ran\"); var kept = 41;");
        Assert.Equal("ok", reply.Content["status"]!.GetValue<string>());
        Assert.Equal("ran", File.ReadAllText(file));
        File.Delete(file);
        var (next, io) = k.Execute("kept + 1");
        Assert.Equal("ok", next.Content["status"]!.GetValue<string>());
        Assert.Contains(io, m => m.Type == "execute_result" && m.Content["data"]!["text/plain"]!.GetValue<string>() == "42");
    }

    [Theory]
    [InlineData("execute_request", "{\"code\": 5}", "code")]
    [InlineData("execute_request", "{\"code\": \"1\", \"silent\": \"no\"}", "silent")]
    [InlineData("complete_request", "{\"code\": \"Con\", \"cursor_pos\": \"x\"}", "cursor_pos")]
    [InlineData("inspect_request", "{\"code\": \"Console\", \"cursor_pos\": true}", "cursor_pos")]
    public void ARequestWithAFieldOfTheWrongType_GetsAnErrorReply_AndTheKernelGoesOn(string type, string content, string field)
    {
        using var k = new KernelHarness();
        k.Send(k.Shell, k.Request(type, JsonNode.Parse(content)!.AsObject()));
        var reply = k.Reply(k.Shell, 20);
        Assert.Equal(type.Replace("_request", "_reply", StringComparison.Ordinal), reply.Type);
        Assert.Equal(("error", "BadRequest"), (reply.Content["status"]!.GetValue<string>(), reply.Content["ename"]!.GetValue<string>()));
        Assert.Contains($"'{field}'", reply.Content["evalue"]!.GetValue<string>());
        Assert.Equal("ok", k.Execute("1 + 1").Reply.Content["status"]!.GetValue<string>());
    }

    [Fact]
    public void ACellIdOfAnotherType_IsIgnored()
    {
        using var k = new KernelHarness();
        k.Send(k.Shell, k.Request("execute_request", new JsonObject { ["code"] = "1 + 1" }, new JsonObject { ["cellId"] = 5 }));
        Assert.Equal("ok", k.Reply(k.Shell, 20).Content["status"]!.GetValue<string>());
    }

    [Fact]
    public void AShutdownWithANonBooleanRestart_GetsAnErrorReply_AndTheKernelStaysUp()
    {
        using var k = new KernelHarness();
        k.Send(k.Control, k.Request("shutdown_request", new JsonObject { ["restart"] = "yes" }));
        var reply = k.Reply(k.Control, 20);
        Assert.Equal(("shutdown_reply", "error"), (reply.Type, reply.Content["status"]!.GetValue<string>()));
        Assert.Equal("ok", k.Execute("2 + 2").Reply.Content["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AMessageWithANonStringType_IsDropped_AndTheKernelStaysUp(bool control)
    {
        using var k = new KernelHarness();
        var bad = k.Request("kernel_info_request", []);
        bad.Header["msg_type"] = 5;
        k.Send(control ? k.Control : k.Shell, bad);
        k.Send(control ? k.Control : k.Shell, k.Request("kernel_info_request", []));
        Assert.Equal("kernel_info_reply", k.Reply(control ? k.Control : k.Shell, 20).Type);
        Assert.True(k.ServerThread.IsAlive);
    }

    [Fact]
    public void WhatACellPrints_ReachesTheClientWhileTheCellStillRuns()
    {
        using var k = new KernelHarness();
        var go = Path.Combine(Path.GetTempPath(), "go-" + Guid.NewGuid().ToString("N"));
        // The cell waits for a file that the test creates only after it has received the first line: without live
        // output the two would wait for each other until the cell's bound runs out.
        var request = k.Send(k.Shell, k.Request("execute_request", new JsonObject
        {
            ["code"] = $"Console.WriteLine(\"first\"); var until = DateTime.UtcNow.AddSeconds(20); while (!System.IO.File.Exists(@\"{go}\") && DateTime.UtcNow < until) System.Threading.Thread.Sleep(20); Console.WriteLine(System.IO.File.Exists(@\"{go}\") ? \"released\" : \"never released\");",
        }));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JupyterMessage? first = null;
        while (first is null && DateTime.UtcNow < deadline)
        {
            var m = k.Receive(k.IoPub, TimeSpan.FromSeconds(1));
            if (m?.Type == "stream" && m.ParentHeader["msg_id"]?.GetValue<string>() == request.Id) first = m;
        }
        Assert.NotNull(first);
        Assert.Equal("first\n", first.Content["text"]!.GetValue<string>());
        File.WriteAllText(go, "");
        var rest = k.IoPubFor(request);
        Assert.Contains(rest, m => m.Type == "stream" && m.Content["text"]!.GetValue<string>() == "released\n");
        Assert.Equal("ok", k.Reply(k.Shell).Content["status"]!.GetValue<string>());
        File.Delete(go);
    }

    [Fact]
    public void AnInterruptedCell_ThatRunsOn_PublishesNothingMore()
    {
        using var k = new KernelHarness();
        var request = k.Send(k.Shell, k.Request("execute_request", new JsonObject { ["code"] = "while (true) { Console.WriteLine(\"tick\"); System.Threading.Thread.Sleep(10); }" }));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && k.Receive(k.IoPub, TimeSpan.FromSeconds(1)) is not { Type: "stream" }) { }
        k.Send(k.Control, k.Request("interrupt_request", []));
        var reply = k.Reply(k.Shell, 20);
        Assert.Equal("error", reply.Content["status"]!.GetValue<string>());
        Assert.Contains("may still be running in the background", reply.Content["evalue"]!.GetValue<string>());
        k.IoPubFor(request);
        // The loop goes on (a thread cannot be aborted), but nothing more of it reaches the client or the next cell.
        var late = new List<JupyterMessage>();
        var until = DateTime.UtcNow.AddMilliseconds(600);
        while (DateTime.UtcNow < until) if (k.Receive(k.IoPub, TimeSpan.FromMilliseconds(100)) is { } m) late.Add(m);
        Assert.DoesNotContain(late, m => m.Type == "stream" && m.ParentHeader["msg_id"]?.GetValue<string>() == request.Id);
        var (next, io) = k.Execute("Console.Write(\"clean\");");
        Assert.Equal("ok", next.Content["status"]!.GetValue<string>());
        Assert.Equal(["clean"], io.Where(m => m.Type == "stream").Select(m => m.Content["text"]!.GetValue<string>()));
    }

    [Fact]
    public void CommOpen_IsClosedAtOnce_NotLoggedAsUnsupported()
    {
        using var k = new KernelHarness();
        var request = k.Send(k.Shell, k.Request("comm_open", new JsonObject { ["comm_id"] = "c1", ["target_name"] = "jupyter.widget", ["data"] = new JsonObject() }));
        var io = k.IoPubFor(request);
        Assert.Contains(io, m => m.Type == "comm_close" && m.Content["comm_id"]!.GetValue<string>() == "c1");
        Assert.DoesNotContain("unsupported", k.Log.ToString());
    }

    [Fact]
    public void ADisplayHandleUpdate_ReachesTheClientAsUpdateDisplayData_ForTheSameDisplayId()
    {
        using var k = new KernelHarness();
        var (reply, io) = k.Execute("var p = display(\"step 1\");\np.Update(\"step 2\");");
        Assert.Equal("ok", reply.Content["status"]!.GetValue<string>());
        var shown = Assert.Single(io, m => m.Type == "display_data");
        var updated = Assert.Single(io, m => m.Type == "update_display_data");
        Assert.Equal(shown.Content["transient"]!["display_id"]!.GetValue<string>(), updated.Content["transient"]!["display_id"]!.GetValue<string>());
        Assert.Equal("step 2", updated.Content["data"]!["text/plain"]!.GetValue<string>());
    }

    [Fact]
    public void LongWorkProgress_IsOneDisplayUpdatedInPlace_AndTheCellIsResentWithoutItWhenItEnds()
    {
        using var k = new KernelHarness();
        var (reply, io) = k.Execute("Console.WriteLine(\"before\");\nAnalysis.WorkProgress.Report(\"fit 1 of 2\");\nAnalysis.WorkProgress.Report(\"fit 2 of 2\");\n1 + 1");
        Assert.Equal("ok", reply.Content["status"]!.GetValue<string>());
        var types = io.Select(m => m.Type).Where(t => t != "status" && t != "execute_input").ToList();
        // Live: the print, the progress display and its update, the result; then a clear and the cell's outputs again.
        Assert.Equal(["stream", "display_data", "update_display_data", "execute_result", "clear_output", "stream", "execute_result"], types);
        var shown = io.Single(m => m.Type == "display_data");
        Assert.Equal("fit 1 of 2", shown.Content["data"]!["text/plain"]!.GetValue<string>());
        var after = io.SkipWhile(m => m.Type != "clear_output").ToList();
        Assert.DoesNotContain(after, m => m.Type.Contains("display_data", StringComparison.Ordinal));
        Assert.Equal("before\n", after.Single(m => m.Type == "stream").Content["text"]!.GetValue<string>());
    }

    [Fact]
    public void ReadLine_AsksTheClientForInput_WhenItAllowsStdin()
    {
        using var k = new KernelHarness();
        var request = k.Send(k.Shell, k.Request("execute_request", new JsonObject { ["code"] = "var name = Console.ReadLine(); $\"hello {name}\"", ["allow_stdin"] = true }));
        var ask = k.Reply(k.Stdin, 20);
        Assert.Equal("input_request", ask.Type);
        Assert.Equal(request.Id, ask.ParentHeader["msg_id"]!.GetValue<string>());
        k.Send(k.Stdin, k.Request("input_reply", new JsonObject { ["value"] = "Jupyter" }));
        Assert.Equal("ok", k.Reply(k.Shell, 20).Content["status"]!.GetValue<string>());
        Assert.Contains(k.IoPubFor(request), m => m.Type == "execute_result" && m.Content["data"]!["text/plain"]!.GetValue<string>() == "hello Jupyter");
    }

    [Fact]
    public void ReadLine_FailsWithAClearMessage_WhenTheClientDoesNotAllowStdin()
    {
        using var k = new KernelHarness();
        var (reply, _) = k.Execute("var name = Console.ReadLine();");
        Assert.Equal("error", reply.Content["status"]!.GetValue<string>());
        Assert.Contains("a kernel client must allow stdin", reply.Content["evalue"]!.GetValue<string>());
    }
}
