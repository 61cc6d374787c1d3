using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Common;

namespace Resultataftaler.Accounts;

/// <summary>Creates API keys for a user (shown once, stored hashed) and finds the user behind a key.</summary>
public sealed class ApiKeys(AccountsDbContext db, UserAdministration administration, TimeProvider clock)
{
    public async Task<string> CreateAsync(string email, string name, CancellationToken cancellationToken = default)
    {
        var user = await administration.FindAsync(email);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new UserFacingException("Giv nøglen et navn, fx det BI-værktøj der skal bruge den.");
        }

        var key = "ra_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        db.ApiKeys.Add(new ApiKey { UserId = user.Id, Name = name.Trim(), KeyHash = Hash(key), CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    /// <summary>Revokes the user's keys (all of them, or those with the name); returns how many.</summary>
    public async Task<int> RevokeAsync(string email, string? name, CancellationToken cancellationToken = default)
    {
        var user = await administration.FindAsync(email);
        var keys = await db.ApiKeys.Where(k => k.UserId == user.Id && k.RevokedAtUtc == null && (name == null || k.Name == name)).ToListAsync(cancellationToken);
        foreach (var key in keys)
        {
            key.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
        return keys.Count;
    }

    /// <summary>The user a key belongs to, or null for an unknown or revoked key.</summary>
    public async Task<AppUser?> FindUserAsync(string key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
        {
            return null;
        }

        var hash = Hash(key.Trim());
        return await db.ApiKeys.AsNoTracking()
            .Where(k => k.KeyHash == hash && k.RevokedAtUtc == null)
            .Select(k => k.User)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
