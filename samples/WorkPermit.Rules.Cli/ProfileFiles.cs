using System.Text;

namespace WorkPermit.Rules.Cli;

/// <summary>Reads profile files and turns every kind of bad input into one message naming the file and the JSON path.</summary>
internal static class ProfileFiles
{
    /// <summary>Reads and validates a profile file; <c>-</c> reads standard input.</summary>
    /// <exception cref="CliInputException">The file is missing, unreadable, not JSON or not a valid profile.</exception>
    public static WorkPermitProfile Load(string path, TextReader standardInput)
    {
        // 1. Read the bytes; a missing or unreadable file is named with the reason.
        var bytes = path == "-" ? Encoding.UTF8.GetBytes(standardInput.ReadToEnd()) : ReadFile(path);

        // 2. Let the library read it: it lists every problem with its JSON path (bad JSON, unknown property, unknown value...).
        var read = ProfileJson.Read(WithoutBom(bytes));
        return read.Profile ?? throw Invalid(Name(path), "$", read.Errors);
    }

    /// <summary>Reads a file's bytes, or explains in one line why it cannot.</summary>
    /// <exception cref="CliInputException">The file cannot be read.</exception>
    public static byte[] ReadFile(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
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

    /// <summary>One message for a profile's problems, naming the file.</summary>
    public static CliInputException Invalid(string file, string root, IReadOnlyList<ProfileError> errors) =>
        new($"{file}: {Describe(root, errors)}");

    /// <summary>A profile's problems in one line: the first in full, the others by path.</summary>
    public static string Describe(string root, IReadOnlyList<ProfileError> errors)
    {
        var first = errors[0];
        var message = new StringBuilder($"{JsonPath(root, first.Path)}: {first.Message}");
        if (errors.Count > 1)
        {
            message.Append($" (and {errors.Count - 1} more: {string.Join(", ", errors.Skip(1).Select(e => JsonPath(root, e.Path)))})");
        }

        return message.ToString();
    }

    /// <summary>A profile path (<c>application.channel</c>, or <c>$</c> for the whole document) under a root (<c>$</c>, <c>$.profile</c>).</summary>
    public static string JsonPath(string root, string path) => path == "$" ? root : $"{root}.{path}";

    public static string Name(string path) => path == "-" ? "(standard input)" : path;

    private static ReadOnlySpan<byte> WithoutBom(byte[] bytes) =>
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes.AsSpan(3) : bytes;
}
