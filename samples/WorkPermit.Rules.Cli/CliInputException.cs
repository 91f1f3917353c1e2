namespace WorkPermit.Rules.Cli;

/// <summary>Input the CLI cannot use. The message is the whole story: the file, the JSON path and what is wrong.</summary>
internal sealed class CliInputException : Exception
{
    public CliInputException(string message)
        : base(message)
    {
    }

    public CliInputException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public CliInputException()
    {
    }
}
