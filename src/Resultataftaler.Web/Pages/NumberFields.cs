using Microsoft.AspNetCore.Mvc.ModelBinding;
using Resultataftaler.Core.Common;
using Resultataftaler.Web.Localization;

namespace Resultataftaler.Web.Pages;

/// <summary>Numbers typed the Danish way (2,6 · 1.250) in a form: one reading and one message for every page.</summary>
public static class NumberFields
{
    /// <summary>Empty is null; text that is not a number is null with an error on its field, naming what was typed.</summary>
    public static double? Read(ModelStateDictionary modelState, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DanishNumber.TryParse(text, out var value))
        {
            return value;
        }

        modelState.AddModelError(field, Lang.T($"'{text}' er ikke et tal. Skriv fx 2,6 eller 1.250.", $"'{text}' is not a number. Write e.g. 2,6 or 1.250 (Danish notation)."));
        return null;
    }
}
