using System.Text.RegularExpressions;

namespace Resultataftaler.Cli;

/// <summary>The command-line parser's messages (English in System.CommandLine) in Danish; one we do not know is passed on as it is.</summary>
internal static partial class ParseErrors
{
    public static string Danish(string message) => message switch
    {
        _ when Unrecognized().Match(message) is { Success: true } m => $"ukendt kommando eller argument '{m.Groups[1].Value}'",
        _ when RequiredOption().Match(message) is { Success: true } m => $"tilvalget {(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)} skal angives",
        _ when RequiredCommand().IsMatch(message) => "angiv en kommando (se --help)",
        _ when CannotParse().Match(message) is { Success: true } m => $"'{m.Groups[1].Value}' kan ikke læses som værdi af {m.Groups[2].Value}",
        _ when OneArgument().Match(message) is { Success: true } m => $"{m.Groups[1].Value} tager én værdi",
        _ when NotMatched().Match(message) is { Success: true } m => $"'{m.Groups[1].Value}' findes ikke her",
        _ => message,
    };

    [GeneratedRegex("^Unrecognized command or argument '([^']*)'\\.?$")]
    private static partial Regex Unrecognized();

    [GeneratedRegex("^Option '([^']*)' is required\\.?$|^Required option '([^']*)' is missing", RegexOptions.None)]
    private static partial Regex RequiredOption();

    [GeneratedRegex("^Required command was not provided")]
    private static partial Regex RequiredCommand();

    [GeneratedRegex("^Cannot parse argument '([^']*)' for option '([^']*)'")]
    private static partial Regex CannotParse();

    [GeneratedRegex("^Option '([^']*)' expects a single argument")]
    private static partial Regex OneArgument();

    [GeneratedRegex("^'([^']*)' was not matched")]
    private static partial Regex NotMatched();
}
