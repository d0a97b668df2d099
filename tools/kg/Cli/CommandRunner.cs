using System.CommandLine;

namespace KnowledgeGraph.Cli;

/// <summary>Runs a command's body with a context, turning every failure into a message and an exit code.</summary>
public static class CommandRunner
{
    public static void SetBody(this Command command, GlobalOptions options, KgHost host, Func<ParseResult, CliContext, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, cancellation) =>
        {
            CliContext? context = null;
            try
            {
                context = new CliContext(parse, options, host);
                return await body(parse, context, cancellation);
            }
            catch (Exception exception)
            {
                return CliErrors.Report(exception, host.Error, context?.Clients.LastService);
            }
            finally
            {
                context?.Dispose();
            }
        });
}
