using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Cli.Commands;

internal static class CommonOptions
{
    public static Option<int> Year() => new("--year", "-y")
    {
        Description = "Aftaleåret, fx 2011",
        Required = true,
        Validators = { r => { if (r.GetValueOrDefault<int>() is < 2000 or > 2100) { r.AddError("--year skal være et år mellem 2000 og 2100."); } } },
    };

    public static Option<int> Quarter() => new("--quarter", "-q")
    {
        Description = "Kvartalet, 1–4",
        Required = true,
        Validators = { r => { if (r.GetValueOrDefault<int>() is < 1 or > 4) { r.AddError("--quarter skal være 1, 2, 3 eller 4."); } } },
    };

    public static Option<int?> Region(string description) => new("--region", "-r")
    {
        Description = description,
        Validators = { r => { if (r.GetValueOrDefault<int?>() is { } v && v is < 1081 or > 1085) { r.AddError("--region skal være en regionskode 1081–1085."); } } },
    };

    public static Option<string?> House() => new("--house")
    {
        Description = "Kun dette hus (huskode, fx EH-FYN, EH-SYD eller VH-SYD; se 'houses')",
    };

    /// <summary>The house code in upper case, checked against the houses; null when none was given.</summary>
    public static async Task<string?> CheckHouseAsync(ResultataftalerDbContext db, string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var wanted = code.Trim().ToUpperInvariant();
        var codes = await db.GrowthHouses.AsNoTracking().OrderBy(h => h.Code).Select(h => h.Code).ToListAsync(cancellationToken);
        return codes.Contains(wanted)
            ? wanted
            : throw new UserFacingException(new Text(
                $"--house: huset '{code}' findes ikke (kendte: {string.Join(", ", codes)}).",
                $"--house: there is no house '{code}' (known: {string.Join(", ", codes)})."));
    }

    public static Option<string> Format(params string[] allowed)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Uddata: " + string.Join(" eller ", allowed),
            DefaultValueFactory = _ => allowed[0],
        };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }
}
