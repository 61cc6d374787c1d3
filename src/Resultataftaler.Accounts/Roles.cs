using Resultataftaler.Core.Common;
namespace Resultataftaler.Accounts;

/// <summary>The four roles. KKR secretariats and house managers are scoped to one region (a region has one house).</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string KkrSekretariat = "KkrSekretariat";
    public const string Husleder = "Husleder";
    public const string Ministerium = "Ministerium";

    public static IReadOnlyList<string> All { get; } = [Administrator, KkrSekretariat, Husleder, Ministerium];

    /// <summary>Roles whose users belong to one region.</summary>
    public static bool IsRegional(string role) => role is KkrSekretariat or Husleder;

    /// <summary>The role as written in a command or form, in any letter case; null when unknown.</summary>
    public static string? Parse(string? text) =>
        All.FirstOrDefault(r => string.Equals(r, text?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The role in words, Danish and English (the one place for them).</summary>
    public static Text Name(string role) => role switch
    {
        Administrator => new("Administrator", "Administrator"),
        KkrSekretariat => new("KKR-sekretariat", "KKR secretariat"),
        Husleder => new("Husleder", "House manager"),
        Ministerium => new("Ministerium", "Ministry"),
        _ => new(role, role),
    };

    public static string Danish(string role) => Name(role).Danish;
}
