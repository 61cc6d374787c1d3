using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Accounts;

/// <summary>
/// The demo setup's users: an administrator, the ministry, and a KKR secretariat and a house
/// manager for each region, all with <see cref="Password"/> (listed in the README's demo section).
/// Created only when the demo data is on and nobody has an account yet.
/// </summary>
public sealed class DemoUsers(UserAdministration administration, UserManager<AppUser> users, ResultataftalerDbContext db)
{
    public const string Password = "Demo-2011!";
    public const string Domain = "demo.resultataftaler.dk";

    public static string Email(string role, string? regionName = null) => role switch
    {
        Roles.Administrator => $"admin@{Domain}",
        Roles.Ministerium => $"ministerium@{Domain}",
        Roles.KkrSekretariat => $"kkr.{Slug(regionName!)}@{Domain}",
        Roles.Husleder => $"husleder.{Slug(regionName!)}@{Domain}",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>"Region Sjælland" → "sjaelland".</summary>
    public static string Slug(string regionName) =>
        regionName.Replace("Region ", string.Empty, StringComparison.Ordinal).ToLowerInvariant()
            .Replace("æ", "ae", StringComparison.Ordinal).Replace("ø", "oe", StringComparison.Ordinal).Replace("å", "aa", StringComparison.Ordinal);

    public async Task<int> CreateAsync(CancellationToken cancellationToken = default)
    {
        if (await users.Users.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var created = 0;
        await administration.AddAsync(Email(Roles.Administrator), Password, Roles.Administrator, null, "Demo-administrator", cancellationToken);
        await administration.AddAsync(Email(Roles.Ministerium), Password, Roles.Ministerium, null, "Demo-ministerium", cancellationToken);
        created += 2;
        foreach (var region in await db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(cancellationToken))
        {
            await administration.AddAsync(Email(Roles.KkrSekretariat, region.Name), Password, Roles.KkrSekretariat, region.Code, $"KKR-sekretariatet, {region.Name}", cancellationToken);
            await administration.AddAsync(Email(Roles.Husleder, region.Name), Password, Roles.Husleder, region.Code, $"Væksthusleder, {region.Name}", cancellationToken);
            created += 2;
        }

        return created;
    }
}
