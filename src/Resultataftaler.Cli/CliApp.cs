using System.CommandLine;
using Microsoft.Extensions.Options;
using Resultataftaler.Cli.Commands;
using Resultataftaler.Core.Common;

namespace Resultataftaler.Cli;

/// <summary>The `resultataftaler` command line: the same operations as the web host, from a terminal.</summary>
public static class CliApp
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, output, error, new Dictionary<string, string?>(), cancellationToken);

    /// <param name="settings">Settings that override appsettings.json and the environment (for a host that embeds the CLI, such as the tests).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken = default)
    {
        var globals = new GlobalOptions { Settings = settings };
        var root = new RootCommand("Resultataftaler: resultataftaler og resultatkontrakter mellem KKR og husene (Væksthuse, fra 2019 Erhvervshuse) — drift fra terminalen.");
        globals.AddTo(root);
        root.Subcommands.Add(DbCommands.Create(globals));
        root.Subcommands.Add(SeedCommand.Create(globals));
        root.Subcommands.Add(HousesCommand.Create(globals));
        root.Subcommands.Add(AgreementCommands.Create(globals));
        root.Subcommands.Add(RecomputeCommand.Create(globals));
        root.Subcommands.Add(MeasuresCommand.Create(globals));
        root.Subcommands.Add(HistoryCommand.Create(globals));
        root.Subcommands.Add(ImportCommand.Create(globals));
        root.Subcommands.Add(QuarantineCommands.Create(globals));
        root.Subcommands.Add(RunsCommand.Create(globals));
        root.Subcommands.Add(DemoDataCommand.Create(globals));
        root.Subcommands.Add(ReportCommand.Create(globals));
        root.Subcommands.Add(UsersCommands.Create(globals));

        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                // The parser's complaints go to stderr, in Danish (stdout stays clean for --format json), with where to look.
                foreach (var parseError in parsed.Errors)
                {
                    await error.WriteLineAsync("Fejl: " + ParseErrors.Danish(parseError.Message));
                }

                var path = new List<string>();
                for (var result = (System.CommandLine.Parsing.SymbolResult?)parsed.CommandResult; result is System.CommandLine.Parsing.CommandResult command && command.Command != root; result = result.Parent)
                {
                    path.Insert(0, command.Command.Name);
                }

                await error.WriteLineAsync($"Se: resultataftaler {string.Join(' ', path.Append("--help"))}");
                return 1;
            }

            return await parsed.InvokeAsync(configuration, cancellationToken);
        }
        catch (Exception ex) when (Unwrap(ex) is UserFacingException or OptionsValidationException)
        {
            await error.WriteLineAsync("Fejl: " + Unwrap(ex).Message);
            return 1;
        }
        catch (Exception ex) when (Unwrap(ex) is InvalidOperationException { Message: var message } && message.StartsWith("Cannot parse argument", StringComparison.Ordinal))
        {
            // A value the option's type cannot hold (--year abc), found when the command reads it.
            await error.WriteLineAsync("Fejl: " + ParseErrors.Danish(message));
            return 1;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("Afbrudt.");
            return 130;
        }
        catch (Exception ex)
        {
            // Logged in full by the use case; the operator gets one line and the log's location.
            await error.WriteLineAsync($"Uventet fejl: {Unwrap(ex).Message} (detaljer i logfilen under datamappen/logs).");
            return 70;
        }
    }

    private static Exception Unwrap(Exception ex) => ex is AggregateException { InnerException: { } inner } ? Unwrap(inner) : ex;
}
