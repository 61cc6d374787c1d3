using System.Text.Json;
using System.Text.Json.Serialization;

namespace Resultataftaler.Core.Templates;

/// <summary>Reads an agreement template (JSON with comments) and validates it before anything is stored.</summary>
public static class TemplateLoader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static AgreementTemplate LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TemplateValidationException(path, [$"filen kan ikke læses: {ex.Message}"]);
        }

        return Parse(text, path);
    }

    public static AgreementTemplate Parse(string json, string sourceName)
    {
        TemplateDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<TemplateDocument>(json, Options);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"linje {line + 1}" : "ukendt linje";
            var field = string.IsNullOrEmpty(ex.Path) ? string.Empty : $", felt {ex.Path}";
            throw new TemplateValidationException(sourceName, [$"{where}{field}: {Describe(ex)}"]);
        }

        if (document is null)
        {
            throw new TemplateValidationException(sourceName, ["filen er tom (forventede et JSON-objekt)"]);
        }

        return new TemplateValidator(sourceName).Validate(document);
    }

    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return "ukendt felt (se docs/templates.md for de tilladte felter)";
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return "værdien har forkert type (fx tekst hvor der skal stå et tal)";
        }

        return "ugyldig JSON: " + message;
    }
}
