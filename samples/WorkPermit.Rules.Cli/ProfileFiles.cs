using System.Text;

namespace WorkPermit.Rules.Cli;

/// <summary>Reads profile files and turns every kind of bad input into one message naming the file and the JSON path.</summary>
internal static class ProfileFiles
{
    /// <summary>The largest profile or case file read (1 MiB): a profile is a few KB, so anything near this is a
    /// mistake (a wrong file, a device) and is refused before it fills memory.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>Reads and validates a profile file; <c>-</c> reads standard input.</summary>
    /// <exception cref="CliInputException">The file is missing, unreadable, not JSON or not a valid profile.</exception>
    public static WorkPermitProfile Load(string path, TextReader standardInput)
    {
        // 1. Read the bytes; a missing or unreadable file is named with the reason.
        var bytes = path == "-" ? ReadStandardInput(standardInput) : ReadFile(path);

        // 2. Let the library read it: it lists every problem with its JSON path (bad JSON, unknown property, unknown
        //    value, text that is not UTF-8...); it also skips a byte-order mark.
        var read = ProfileJson.Read(bytes);
        return read.Profile ?? throw Invalid(Name(path), "$", read.Errors);
    }

    /// <summary>Reads a file's bytes, or explains in one line why it cannot.</summary>
    /// <exception cref="CliInputException">The file cannot be read.</exception>
    public static byte[] ReadFile(string path)
    {
        try
        {
            // Read at most one byte past the limit, so that a huge file (or a device that never ends) is not read whole.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var buffer = new byte[Math.Min(MaxFileBytes + 1, stream.CanSeek ? stream.Length + 1 : MaxFileBytes + 1)];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
            }

            return length > MaxFileBytes ? throw TooLarge(path) : buffer[..length];
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliInputException($"{path}: file not found.", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CliInputException(Directory.Exists(path) ? $"{path}: is a folder, not a file." : $"{path}: cannot read the file (access denied).", ex);
        }
        catch (IOException ex)
        {
            throw new CliInputException($"{path}: cannot read the file: {ex.Message}", ex);
        }
    }

    /// <summary>Reads standard input, up to the same limit as a file.</summary>
    private static byte[] ReadStandardInput(TextReader input)
    {
        var buffer = new char[MaxFileBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = input.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        return length > MaxFileBytes ? throw TooLarge("-") : Encoding.UTF8.GetBytes(buffer, 0, length);
    }

    private static CliInputException TooLarge(string path) =>
        new($"{Name(path)}: the file is larger than {MaxFileBytes / 1024 / 1024} MiB; a profile is a few KB, so this is not one.");

    /// <summary>One message for a profile's problems, naming the file.</summary>
    public static CliInputException Invalid(string file, string root, IReadOnlyList<ProfileError> errors) =>
        new($"{file}: {Describe(root, errors)}");

    /// <summary>A profile's problems in one line: the first in full, the others by path (the library lists at most
    /// 50, then one entry saying how many more there are, which is given as it is).</summary>
    public static string Describe(string root, IReadOnlyList<ProfileError> errors)
    {
        var first = errors[0];
        var message = new StringBuilder($"{JsonPath(root, first.Path)}: {first.Message}");
        var others = errors.Skip(1).Where(e => e.Code != "too_many_problems").Select(e => JsonPath(root, e.Path)).ToList();
        var more = errors.Count > 1 && errors[^1].Code == "too_many_problems" ? errors[^1].Message : null;
        if (others.Count > 0)
        {
            message.Append($" (and {others.Count} more: {string.Join(", ", others)}{(more is null ? string.Empty : $"; {more}")})");
        }
        else if (more is not null)
        {
            message.Append($" ({more})");
        }

        return message.ToString();
    }

    /// <summary>A profile path (<c>application.channel</c>, or <c>$</c> for the whole document) under a root (<c>$</c>, <c>$.profile</c>).</summary>
    public static string JsonPath(string root, string path) => path == "$" ? root : $"{root}.{path}";

    public static string Name(string path) => path == "-" ? "(standard input)" : path;
}
