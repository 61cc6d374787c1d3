using System.Globalization;

namespace Resultataftaler.Web.Localization;

/// <summary>
/// Danish by default, English selectable (cookie). Texts sit side by side where they are used:
/// <c>T("Aftaler", "Agreements")</c>. Numbers and dates stay da-DK in both languages.
/// </summary>
public static class Lang
{
    public static CultureInfo Danish { get; } = CultureInfo.GetCultureInfo("da-DK");
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en-GB");

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Code => IsEnglish ? "en" : "da";

    public static string T(string danish, string english) => IsEnglish ? english : danish;

    /// <summary>A text from Core in the chosen language.</summary>
    public static string T(Core.Common.Text text) => text.In(IsEnglish);

    /// <summary>What a refusal from Core says, in the chosen language.</summary>
    public static string Message(Exception ex) => ex is Core.Common.UserFacingException user ? T(user.Text) : ex.Message;
}
