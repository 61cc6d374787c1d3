using System.Diagnostics.CodeAnalysis;

namespace Resultataftaler.Core.Activities;

/// <summary>
/// The Danish codes that the houses' CRM, the import format and the templates use for activity
/// types and adviser kinds. Spellings with æ/ø/å are accepted beside the ASCII ones.
/// </summary>
public static class ActivityCodes
{
    private static readonly Dictionary<string, ActivityType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["vaekstkortlaegning"] = ActivityType.GrowthMapping,
        ["vækstkortlægning"] = ActivityType.GrowthMapping,
        ["vaekstplan"] = ActivityType.GrowthPlan,
        ["vækstplan"] = ActivityType.GrowthPlan,
        ["henvisning"] = ActivityType.Referral,
        ["tilfredshed"] = ActivityType.SatisfactionAnswer,
        ["kompetenceudvikling"] = ActivityType.CompetenceDevelopment,
        ["kommunehenvisning"] = ActivityType.MunicipalReferral,
        ["arrangement"] = ActivityType.Event,
    };

    public static IReadOnlyList<string> TypeCodes { get; } =
    [
        "vaekstkortlaegning", "vaekstplan", "henvisning", "tilfredshed",
        "kompetenceudvikling", "kommunehenvisning", "arrangement",
    ];

    public static bool TryParseType(string? code, out ActivityType type) =>
        Types.TryGetValue(code?.Trim() ?? string.Empty, out type);

    public static string Code(ActivityType type) => type switch
    {
        ActivityType.GrowthMapping => "vaekstkortlaegning",
        ActivityType.GrowthPlan => "vaekstplan",
        ActivityType.Referral => "henvisning",
        ActivityType.SatisfactionAnswer => "tilfredshed",
        ActivityType.CompetenceDevelopment => "kompetenceudvikling",
        ActivityType.MunicipalReferral => "kommunehenvisning",
        ActivityType.Event => "arrangement",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string DanishName(ActivityType type) => type switch
    {
        ActivityType.GrowthMapping => "Vækstkortlægning",
        ActivityType.GrowthPlan => "Vækstplan",
        ActivityType.Referral => "Henvisning",
        ActivityType.SatisfactionAnswer => "Tilfredshedssvar",
        ActivityType.CompetenceDevelopment => "Kompetenceudvikling",
        ActivityType.MunicipalReferral => "Kommunehenvisning",
        ActivityType.Event => "Arrangement",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryParseAdviser(string? code, [NotNullWhen(true)] out AdviserKind? kind)
    {
        kind = (code?.Trim().ToLowerInvariant()) switch
        {
            "privat" => AdviserKind.Private,
            "offentlig" => AdviserKind.Public,
            _ => null,
        };
        return kind is not null;
    }

    public static string Code(AdviserKind kind) => kind == AdviserKind.Private ? "privat" : "offentlig";
}
