using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using System.Globalization;
using Resultataftaler.Core.Audit;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Accounts;

/// <summary>Adds users, changes roles and resets passwords — one place for the CLI and the administrator's page.</summary>
public sealed class UserAdministration(UserManager<AppUser> users, RoleManager<IdentityRole> roles, AccountsDbContext accounts, ResultataftalerDbContext db, IAuditActor actor, TimeProvider clock)
{
    /// <param name="houseCode">A house manager's house (EH-FYN, …), which must belong to the region: narrows the region to that house's agreements.</param>
    public async Task<AppUser> AddAsync(string email, string password, string role, int? regionCode, string? displayName = null, CancellationToken cancellationToken = default, string? houseCode = null)
    {
        var checkedRole = await CheckRoleAndRegionAsync(role, regionCode, cancellationToken);
        var house = await CheckHouseAsync(checkedRole, regionCode, houseCode, cancellationToken);
        if (await users.FindByEmailAsync(email.Trim()) is not null)
        {
            throw new UserFacingException($"Der findes allerede en bruger med e-mailen {email.Trim()}.");
        }

        var user = new AppUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
            RegionCode = regionCode,
            HouseCode = house,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };

        // Check the password before anything is written, so a refused user leaves nothing behind.
        await CheckPasswordAsync(user, password);
        await using var transaction = await accounts.Database.BeginTransactionAsync(cancellationToken);
        await EnsureRoleExistsAsync(checkedRole);
        Ensure(await users.CreateAsync(user, password));
        Ensure(await users.AddToRoleAsync(user, checkedRole));
        await transaction.CommitAsync(cancellationToken);
        await AuditAsync(user, "Oprettet",
        [
            new AuditChange("Role", null, checkedRole, AuditChange.Role),
            new AuditChange("RegionCode", null, regionCode?.ToString(CultureInfo.InvariantCulture), AuditChange.Region),
            .. house is null ? Array.Empty<AuditChange>() : [new AuditChange("HouseCode", null, house, AuditChange.Text)],
        ], regionCode, cancellationToken);
        return user;
    }

    /// <summary>The house in upper case: only for a house manager, and only a house of the user's region.</summary>
    private async Task<string?> CheckHouseAsync(string role, int? regionCode, string? houseCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(houseCode))
        {
            return null;
        }

        var code = houseCode.Trim().ToUpperInvariant();
        if (role != Roles.Husleder)
        {
            throw new UserFacingException(new Text("Kun en husleder knyttes til et hus.", "Only a house manager is tied to a house."));
        }

        var house = await db.GrowthHouses.AsNoTracking().FirstOrDefaultAsync(h => h.Code == code, cancellationToken)
            ?? throw new UserFacingException(new Text($"Huset '{houseCode.Trim()}' findes ikke.", $"There is no house '{houseCode.Trim()}'."));
        return house.RegionCode == regionCode
            ? code
            : throw new UserFacingException(new Text($"{house.Name} hører til region {house.RegionCode}, ikke {regionCode}.", $"{house.Name} belongs to region {house.RegionCode}, not {regionCode}."));
    }

    public async Task<AppUser> SetRoleAsync(string email, string role, int? regionCode, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(email);
        var checkedRole = await CheckRoleAndRegionAsync(role, regionCode, cancellationToken);
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Administrator) && checkedRole != Roles.Administrator && (await users.GetUsersInRoleAsync(Roles.Administrator)).Count == 1)
        {
            throw new UserFacingException($"{user.Email} er den eneste administrator; giv en anden rollen Administrator først.");
        }

        await using var transaction = await accounts.Database.BeginTransactionAsync(cancellationToken);
        await EnsureRoleExistsAsync(checkedRole);
        if (current.Count > 0)
        {
            Ensure(await users.RemoveFromRolesAsync(user, current));
        }

        var previousRegion = user.RegionCode;
        user.RegionCode = regionCode;
        Ensure(await users.UpdateAsync(user));
        Ensure(await users.AddToRoleAsync(user, checkedRole));

        // Sessions signed in under the old role end at their next request.
        Ensure(await users.UpdateSecurityStampAsync(user));
        await transaction.CommitAsync(cancellationToken);
        await AuditAsync(user, "Ændret",
        [
            new AuditChange("Role", current.FirstOrDefault(), checkedRole, AuditChange.Role),
            new AuditChange("RegionCode", previousRegion?.ToString(CultureInfo.InvariantCulture), regionCode?.ToString(CultureInfo.InvariantCulture), AuditChange.Region),
        ], regionCode ?? previousRegion, cancellationToken);
        return user;
    }

    public async Task<AppUser> ResetPasswordAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(email);
        await CheckPasswordAsync(user, password);
        await using var transaction = await accounts.Database.BeginTransactionAsync(cancellationToken);
        Ensure(await users.RemovePasswordAsync(user));
        Ensure(await users.AddPasswordAsync(user, password));
        Ensure(await users.SetLockoutEndDateAsync(user, null));
        Ensure(await users.ResetAccessFailedCountAsync(user));
        Ensure(await users.UpdateSecurityStampAsync(user));
        await transaction.CommitAsync(cancellationToken);
        await AuditAsync(user, "Ændret", [new AuditChange("PasswordReset", null, "true", AuditChange.Bool)], user.RegionCode, cancellationToken);
        return user;
    }

    /// <summary>User changes live in the accounts tables; their audit lines go to the one audit log.</summary>
    private async Task AuditAsync(AppUser user, string action, IReadOnlyList<AuditChange> changes, int? regionCode, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = actor.Name,
            RegionCode = regionCode,
            Entity = "Bruger",
            EntityId = user.Email,
            Action = action,
            Changes = AuditPresenter.Plain(changes, action, Roles.Name),
            Details = AuditChange.Serialize(changes),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var list = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var result = new List<UserSummary>(list.Count);
        foreach (var user in list)
        {
            var role = (await users.GetRolesAsync(user)).FirstOrDefault();
            var locked = user.LockoutEnd is { } end && end > clock.GetUtcNow();
            result.Add(new UserSummary(user.Id, user.Email ?? user.UserName ?? "", user.DisplayName, role, user.RegionCode, locked) { HouseCode = user.HouseCode });
        }

        return result;
    }

    public async Task<AppUser> FindAsync(string email) =>
        await users.FindByEmailAsync(email.Trim()) ?? throw new UserFacingException($"Der findes ingen bruger med e-mailen {email.Trim()}.");

    private async Task<string> CheckRoleAndRegionAsync(string role, int? regionCode, CancellationToken cancellationToken)
    {
        var parsed = Roles.Parse(role) ?? throw new UserFacingException($"Ukendt rolle '{role}'. Brug en af: {string.Join(", ", Roles.All)}.");
        if (Roles.IsRegional(parsed))
        {
            if (regionCode is not { } code)
            {
                throw new UserFacingException($"Rollen {parsed} kræver en region (regionskoden, fx 1084 for Region Hovedstaden).");
            }

            var codes = await db.Regions.Select(r => r.Code).OrderBy(c => c).ToListAsync(cancellationToken);
            if (!codes.Contains(code))
            {
                throw new UserFacingException($"Ukendt regionskode {code}. Kendte koder: {string.Join(", ", codes)}.");
            }
        }
        else if (regionCode is not null)
        {
            throw new UserFacingException($"Rollen {parsed} er national og har ingen region; angiv ingen region.");
        }

        return parsed;
    }

    private async Task CheckPasswordAsync(AppUser user, string password)
    {
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }

        if (errors.Count > 0)
        {
            throw new UserFacingException("Adgangskoden blev afvist: " + string.Join(" ", errors));
        }
    }

    private async Task EnsureRoleExistsAsync(string role)
    {
        if (!await roles.RoleExistsAsync(role))
        {
            Ensure(await roles.CreateAsync(new IdentityRole(role)));
        }
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new UserFacingException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed record UserSummary(string Id, string Email, string? DisplayName, string? Role, int? RegionCode, bool LockedOut)
{
    public string? HouseCode { get; init; }
}
