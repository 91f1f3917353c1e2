using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace WorkPermit.Rules.WebApi;

/// <summary>
/// Problem details for the requests Kestrel refuses itself. A request Kestrel cannot parse (a malformed request line
/// or header, a target over 8 KB, headers over 32 KB, headers that arrive too slowly) never reaches the middleware
/// pipeline: Kestrel answers it with a bare status (400, 414, 431, 408, ...), no body, and closes the connection.
/// Kestrel has no setting for that answer, but it has two public hooks that together can replace it:
/// <list type="number">
/// <item>its <c>Microsoft.AspNetCore.Server.Kestrel.BadRequest</c> diagnostic event, raised when it refuses a request
/// and before it writes the answer, with the request's features (the exception and so the status, the method, and,
/// through the features' fallback, those of the connection);</item>
/// <item>connection middleware (<see cref="ListenOptions.Use(Func{ConnectionDelegate, ConnectionDelegate})"/>), which
/// sits between Kestrel's HTTP/1.1 writer and the socket.</item>
/// </list>
/// The middleware puts a <see cref="RejectionWriter"/> on each connection; the event tells that connection's writer
/// the status it is about to see; the writer holds back the next thing Kestrel writes (the bare answer's head) until
/// Kestrel flushes it, and sends a problem with the same status line and headers in its place.
/// </summary>
/// <remarks>
/// What stays bare: the answer to a HEAD request (it may not have a body); HTTP/2 and HTTP/3, whose answers are
/// binary frames this writer does not rewrite (the sample's plain-HTTP endpoint speaks HTTP/1.1 to browsers and
/// ordinary clients); and endpoints where the sample itself terminates TLS
/// (<c>--urls https://...</c>), because connection middleware added to an endpoint's defaults runs outside TLS and
/// only sees encrypted bytes. A portal puts the sample behind its own TLS-terminating proxy, on plain HTTP/1.1, where
/// every one of Kestrel's answers is rewritten.
/// </remarks>
internal static class KestrelRejections
{
    /// <summary>The name of Kestrel's diagnostic event for a request it refuses.</summary>
    public const string BadRequestEvent = "Microsoft.AspNetCore.Server.Kestrel.BadRequest";

    /// <summary>Puts a <see cref="RejectionWriter"/> between the endpoint's connections and Kestrel's HTTP layer.</summary>
    public static ListenOptions UseRejectionProblems(this ListenOptions listen)
    {
        var services = listen.ApplicationServices;
        listen.Use(next => connection =>
        {
            var writer = new RejectionWriter(connection.Transport.Output, services);
            connection.Features.Set(writer);
            connection.Transport = new DuplexPipe(connection.Transport.Input, writer);
            return next(connection);
        });
        return listen;
    }

    /// <summary>Listens for Kestrel's refusals for as long as the application runs: each is logged in one line (in
    /// place of Kestrel's own entry, which quotes the request and carries a stack trace) and handed to the connection's
    /// writer.</summary>
    public static void ObserveRejections(this WebApplication app)
    {
        var observer = new BadRequestObserver(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(WebApiProblems.LogCategory));
        var subscription = app.Services.GetRequiredService<DiagnosticListener>().Subscribe(observer, name => name == BadRequestEvent);
        app.Lifetime.ApplicationStopped.Register(subscription.Dispose);
    }

    /// <summary>The head of the problem Kestrel's bare answer becomes: its status line and headers, less its
    /// <c>Content-Length: 0</c>, plus the problem's type and length and the <see cref="SecurityHeaders"/>; or
    /// <see langword="null"/> when <paramref name="head"/> is not the bare answer to a refused request (so it is sent
    /// as it is).</summary>
    internal static byte[]? Rewrite(ReadOnlySpan<byte> head, int status, ReadOnlySpan<byte> body)
    {
        // Kestrel's answer is a status line and a few headers (Content-Length: 0, Connection: close, Date, Server,
        // perhaps Allow), all ASCII, and nothing after the blank line.
        if (!head.EndsWith("\r\n\r\n"u8) || !head.StartsWith(Encoding.ASCII.GetBytes($"HTTP/1.1 {status} ")))
        {
            return null;
        }

        var lines = Encoding.ASCII.GetString(head[..^4]).Split("\r\n");
        var text = new StringBuilder(lines[0]).Append("\r\n");
        var sawEmptyLength = false;
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? line[..colon] : line;
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                sawEmptyLength = line[(colon + 1)..].Trim() == "0";
                continue;
            }

            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || SecurityHeaders.All.Any(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            text.Append(line).Append("\r\n");
        }

        if (!sawEmptyLength)
        {
            return null;
        }

        text.Append("Content-Type: ").Append(WebApiProblems.MediaType).Append("\r\n");
        text.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        foreach (var (name, value) in SecurityHeaders.All)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        text.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(text.ToString()), .. body];
    }

    /// <summary>The problem's body, written by the application's problem-details service as every other problem is
    /// (same type links, trace ID and customisation), with the status's title and this API's detail for it.</summary>
    private static async Task<byte[]?> ProblemBodyAsync(IServiceProvider services, int status)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        using var body = new MemoryStream();
        context.Response.Body = body;
        context.Response.StatusCode = status;
        var written = await services.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = WebApiProblems.TitleFor(status), Detail = WebApiProblems.DetailFor(status) },
        });
        return written ? body.ToArray() : null;
    }

    /// <summary>Receives Kestrel's refusals.</summary>
    private sealed class BadRequestObserver(ILogger logger) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key != BadRequestEvent || value.Value is not IFeatureCollection features)
            {
                return;
            }

            var status = features.Get<IBadRequestExceptionFeature>()?.Error is Microsoft.AspNetCore.Http.BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;

            // The same event is raised when a body turns out to be malformed while Kestrel drains it after the
            // application has answered; then nothing more is written, and the application has logged the request.
            if (features.Get<IHttpResponseFeature>()?.HasStarted == true)
            {
                return;
            }

            // No values and no exception: Kestrel's message quotes the request line or header it could not read.
            logger.LogDebug("Kestrel refused a request it could not read, with {Status}.", status);

            var request = features.Get<IHttpRequestFeature>();
            if (HttpMethods.IsHead(request?.Method ?? string.Empty) || request?.Protocol is { } protocol && (HttpProtocol.IsHttp2(protocol) || HttpProtocol.IsHttp3(protocol)))
            {
                return;
            }

            features.Get<RejectionWriter>()?.Expect(status);
        }

        public void OnError(Exception error)
        {
        }

        public void OnCompleted()
        {
        }
    }

    /// <summary>The connection's transport with the writer swapped.</summary>
    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => input;

        public PipeWriter Output => output;
    }

    /// <summary>
    /// A connection's output, passed straight through to the socket except after <see cref="Expect"/>: then what
    /// Kestrel writes next (the head of its bare answer) is held until Kestrel flushes it, and the problem is sent in
    /// its place. Kestrel writes one request's answer at a time on an HTTP/1.1 connection, and writes nothing between
    /// refusing a request and answering it, so what is held is exactly that answer.
    /// </summary>
    internal sealed class RejectionWriter(PipeWriter inner, IServiceProvider services) : PipeWriter
    {
        private volatile int _expected;
        private ArrayBufferWriter<byte>? _held;
        private bool _heldLeased;

        /// <summary>Makes the next response written the one to replace with a problem of <paramref name="status"/>.</summary>
        public void Expect(int status) => _expected = status;

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes + (_held?.WrittenCount ?? 0);

        public override Memory<byte> GetMemory(int sizeHint = 0)
        {
            _heldLeased = _expected != 0;
            return _heldLeased ? (_held ??= new ArrayBufferWriter<byte>(256)).GetMemory(sizeHint) : inner.GetMemory(sizeHint);
        }

        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public override void Advance(int bytes)
        {
            if (_heldLeased)
            {
                _held!.Advance(bytes);
            }
            else
            {
                inner.Advance(bytes);
            }
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) =>
            _held is { WrittenCount: > 0 } ? SendProblemAndFlushAsync(cancellationToken) : inner.FlushAsync(cancellationToken);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null)
        {
            // Completed without a flush (the connection was aborted): whatever was held goes out as Kestrel wrote it.
            Release(null);
            inner.Complete(exception);
        }

        public override async ValueTask CompleteAsync(Exception? exception = null)
        {
            Release(null);
            await inner.CompleteAsync(exception);
        }

        private async ValueTask<FlushResult> SendProblemAndFlushAsync(CancellationToken cancellationToken)
        {
            var body = await ProblemBodyAsync(services, _expected);
            Release(body);
            return await inner.FlushAsync(cancellationToken);
        }

        /// <summary>Writes what was held to the socket: rewritten as a problem with <paramref name="body"/> when it is
        /// Kestrel's bare answer, else unchanged.</summary>
        private void Release(byte[]? body)
        {
            if (_held is not { WrittenCount: > 0 } held)
            {
                return;
            }

            var replacement = body is null ? null : Rewrite(held.WrittenSpan, _expected, body);
            inner.Write(replacement ?? held.WrittenSpan);
            _held = null;
            _heldLeased = false;
            _expected = 0;
        }
    }
}
