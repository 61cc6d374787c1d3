using Microsoft.AspNetCore.Identity;
using Resultataftaler.Accounts;

namespace Resultataftaler.Web.Security;

/// <summary>
/// A password hash no one knows, made once per process with the same hasher (and so the same cost)
/// as real accounts: verifying against it makes a sign-in of an unknown or locked account cost what
/// a real one does, so the time does not tell which accounts exist.
/// </summary>
public static class DummyPassword
{
    private static readonly AppUser Nobody = new() { UserName = "nobody", Email = "nobody@invalid" };
    private static string? hash;

    public static void Verify(IPasswordHasher<AppUser> hasher, string password)
    {
        hash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        _ = hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
