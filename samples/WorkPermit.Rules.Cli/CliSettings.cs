namespace WorkPermit.Rules.Cli;

/// <summary>What the host decides about the CLI's environment; the defaults detect everything.</summary>
internal sealed record CliSettings
{
    /// <summary>Gets the clock that gives today's date when neither the profile nor <c>--as-of</c> does.</summary>
    /// <value>The system clock by default.</value>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Gets whether output goes to an interactive terminal (colour, live progress); null to detect.</summary>
    /// <value>Detected by default: a terminal only when output is the console and is not redirected.</value>
    public bool? Terminal { get; init; }

    /// <summary>Gets whether to write ANSI codes (colour, live progress); null to detect.</summary>
    /// <value>Detected by default: on a terminal whose TERM takes them, unless NO_COLOR is set; never off a terminal.</value>
    public bool? Ansi { get; init; }

    /// <summary>Gets the width to lay tables out in when output is not a terminal.</summary>
    /// <value>The <c>COLUMNS</c> environment variable, else 100.</value>
    public int? Width { get; init; }

    /// <summary>Gets how the user started the CLI, which the tips it prints follow; null to detect.</summary>
    /// <value>Detected by default (see <see cref="Cli.Invocation.Detect"/>).</value>
    public Invocation? Invocation { get; init; }

    /// <summary>Gets how a handler is run on Ctrl-C (SIGINT): it registers the handler and returns what unregisters it.</summary>
    /// <value>By default a POSIX signal registration that runs the handler and then lets the process end.</value>
    public Func<Action, IDisposable> OnInterrupt { get; init; } = handler =>
        System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, _ => handler());
}
