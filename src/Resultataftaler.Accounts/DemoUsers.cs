using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Accounts;

/// <summary>
/// The demo setup's users: an administrator, the ministry, and a KKR secretariat and a house
/// manager for each region, all with <see cref="Password"/> (listed in the README's demo section).
/// Created only for an install set up with the demo year (its "demo-data" setup step), each one
/// that is missing, until all are there (the "demo-users" step): a start interrupted half-way
/// through completes them, and a demo user deleted afterwards is not created again.
/// </summary>
public sealed class DemoUsers(UserAdministration administration, UserManager<AppUser> users, ResultataftalerDbContext db, TimeProvider clock)
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

    /// <summary>A house's own manager: "Erhvervshus Fyn" → husleder.erhvervshus-fyn@….</summary>
    public static string HouseEmail(string houseName) => $"husleder.{Slug(houseName).Replace(' ', '-')}@{Domain}";

    /// <summary>"Region Sjælland" → "sjaelland".</summary>
    public static string Slug(string regionName) =>
        regionName.Replace("Region ", string.Empty, StringComparison.Ordinal).ToLowerInvariant()
            .Replace("æ", "ae", StringComparison.Ordinal).Replace("ø", "oe", StringComparison.Ordinal).Replace("å", "aa", StringComparison.Ordinal);

    public async Task<int> CreateAsync(CancellationToken cancellationToken = default)
    {
        var steps = await db.SetupSteps.Select(s => s.Name).ToListAsync(cancellationToken);
        if (!steps.Contains(Core.Setup.SetupStep.DemoData) || steps.Contains(Core.Setup.SetupStep.DemoUsers))
        {
            return 0;
        }

        var wanted = new List<(string Email, string Role, int? Region, string Name, string? House)>
        {
            (Email(Roles.Administrator), Roles.Administrator, null, "Demo-administrator", null),
            (Email(Roles.Ministerium), Roles.Ministerium, null, "Demo-ministerium", null),
        };
        var houses = await db.GrowthHouses.AsNoTracking().OrderBy(h => h.Code).ToListAsync(cancellationToken);
        foreach (var region in await db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(cancellationToken))
        {
            wanted.Add((Email(Roles.KkrSekretariat, region.Name), Roles.KkrSekretariat, region.Code, $"KKR-sekretariatet, {region.Name}", null));

            // The region's Væksthus manager (2011–2018); where the region has two Erhvervshuse (Syddanmark
            // from 2019), a manager for each, who sees that house only.
            var vaeksthus = houses.FirstOrDefault(h => h.RegionCode == region.Code && h.Kind == Core.Organisations.HouseKind.Vaeksthus);
            wanted.Add((Email(Roles.Husleder, region.Name), Roles.Husleder, region.Code, $"Væksthusleder, {region.Name}", vaeksthus?.Code));
            var erhvervshuse = houses.Where(h => h.RegionCode == region.Code && h.Kind == Core.Organisations.HouseKind.Erhvervshus).ToList();
            if (erhvervshuse.Count > 1)
            {
                wanted.AddRange(erhvervshuse.Select(h => (HouseEmail(h.Name), Roles.Husleder, (int?)region.Code, $"Erhvervshusleder, {h.Name}", (string?)h.Code)));
            }
        }

        var created = 0;
        foreach (var (email, role, region, name, house) in wanted)
        {
            if (await users.FindByEmailAsync(email) is null)
            {
                await administration.AddAsync(email, Password, role, region, name, cancellationToken, house);
                created++;
            }
        }

        db.SetupSteps.Add(new Core.Setup.SetupStep { Name = Core.Setup.SetupStep.DemoUsers, CompletedAtUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }
}
