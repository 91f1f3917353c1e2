// The whole program: run the CLI over the real console. Everything else lives in CliApp, so that tests run the same
// commands in-process with their own input and output.

// 1. Quotes and table borders are Unicode; make sure a Windows console is told so (Linux and macOS already use UTF-8).
Console.OutputEncoding = System.Text.Encoding.UTF8;

// 2. Run, and hand the exit code to the shell.
return WorkPermit.Rules.Cli.CliApp.Run(args, Console.In, Console.Out, Console.Error);
