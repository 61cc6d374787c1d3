using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.QuarterlyReports;

namespace Resultataftaler.Accounts;

/// <summary>A region's reminders go to its house manager(s) and KKR secretariat (users with an e-mail that are not locked out).</summary>
public sealed class AccountReminderRecipients(AccountsDbContext db) : IReminderRecipients
{
    public async Task<IReadOnlyList<string>> EmailsAsync(int regionCode, CancellationToken cancellationToken)
    {
        var roles = await db.Roles.Where(r => r.Name == Roles.Husleder || r.Name == Roles.KkrSekretariat).Select(r => r.Id).ToListAsync(cancellationToken);
        var users = await db.Users
            .Where(u => u.RegionCode == regionCode && u.Email != null)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roles.Contains(ur.RoleId)))
            .Select(u => new { u.Email, u.LockoutEnd }).ToListAsync(cancellationToken);

        // SQLite cannot compare DateTimeOffset: the lockout is checked here.
        var now = DateTimeOffset.UtcNow;
        return [.. users.Where(u => u.LockoutEnd is null || u.LockoutEnd < now).Select(u => u.Email!).Order(StringComparer.Ordinal)];
    }
}
