using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace WorkPermit.Rules.WebApi.Tests.Support;

/// <summary>HTTP/1.1 over a bare socket: the request goes out byte for byte as written, however malformed, and the
/// answer is read as the server sent it, so the tests see exactly what Kestrel does.</summary>
public static class RawHttp
{
    /// <summary>Sends <paramref name="request"/> (Latin-1, so every char is one byte) and reads until the server closes
    /// the connection or <paramref name="responses"/> answers have arrived.</summary>
    public static async Task<IReadOnlyList<RawResponse>> SendAsync(Uri address, string request, int responses = 1)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        }
        catch (IOException)
        {
            // The server may refuse and close before reading a huge request to the end; its answer is still there to read.
        }

        var received = new List<byte>();
        var parsed = new List<RawResponse>();
        var buffer = new byte[16 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (parsed.Count < responses)
        {
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, timeout.Token);
            }
            catch (IOException)
            {
                read = 0;
            }

            if (read == 0)
            {
                break;
            }

            received.AddRange(buffer.AsSpan(0, read));
            parsed = Parse([.. received], out _);
        }

        parsed = Parse([.. received], out var rest);
        Assert.True(parsed.Count >= responses, $"Expected {responses} response(s), got {parsed.Count}:{Environment.NewLine}{Encoding.Latin1.GetString([.. received])}");
        Assert.True(rest == 0, $"{rest} byte(s) after the last whole response:{Environment.NewLine}{Encoding.Latin1.GetString([.. received])}");
        return parsed;
    }

    /// <summary>Sends one request and returns its answer.</summary>
    public static async Task<RawResponse> SendOneAsync(Uri address, string request) => (await SendAsync(address, request))[0];

    /// <summary>The whole responses at the start of <paramref name="bytes"/>, framed by Content-Length or chunked
    /// encoding as HTTP/1.1 frames them; <paramref name="rest"/> is how many bytes follow the last whole one.</summary>
    private static List<RawResponse> Parse(byte[] bytes, out int rest)
    {
        var responses = new List<RawResponse>();
        var at = 0;
        while (true)
        {
            var end = bytes.AsSpan(at).IndexOf("\r\n\r\n"u8);
            if (end < 0)
            {
                break;
            }

            var lines = Encoding.Latin1.GetString(bytes, at, end).Split("\r\n");
            var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
            var bodyStart = at + end + 4;
            byte[] body;
            int next;
            if (headers.TryGetValue("Transfer-Encoding", out var coding) && coding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                if (!TryDechunk(bytes, bodyStart, out body, out next))
                {
                    break;
                }
            }
            else
            {
                var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 0;
                if (bytes.Length - bodyStart < length)
                {
                    break;
                }

                body = bytes[bodyStart..(bodyStart + length)];
                next = bodyStart + length;
            }

            responses.Add(new RawResponse(status, headers, body));
            at = next;
        }

        rest = bytes.Length - at;
        return responses;
    }

    private static bool TryDechunk(byte[] bytes, int at, out byte[] body, out int next)
    {
        var content = new List<byte>();
        body = [];
        next = at;
        while (true)
        {
            var lineEnd = bytes.AsSpan(at).IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                return false;
            }

            var size = Convert.ToInt32(Encoding.ASCII.GetString(bytes, at, lineEnd).Split(';')[0], 16);
            at += lineEnd + 2;
            if (bytes.Length < at + size + 2)
            {
                return false;
            }

            content.AddRange(bytes.AsSpan(at, size));
            at += size + 2;
            if (size == 0)
            {
                body = [.. content];
                next = at;
                return true;
            }
        }
    }
}

/// <summary>One answer as it came over the socket.</summary>
/// <param name="Status">The status code of the status line.</param>
/// <param name="Headers">The headers, by name without regard to case.</param>
/// <param name="Body">The body, de-chunked.</param>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>Gets the body as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>Checks that the answer is problem details for its own status, with a title and a detail, and returns it.</summary>
    public JsonElement ReadProblem()
    {
        Assert.Equal("application/problem+json", Headers.TryGetValue("Content-Type", out var type) ? type.Split(';')[0] : null);
        using var document = JsonDocument.Parse(Body);
        var problem = document.RootElement.Clone();
        Assert.Equal(Status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }
}
