namespace Resultataftaler.Accounts;

/// <summary>
/// A key a BI tool sends in the X-Api-Key header to act as its user. Only the SHA-256 hash is
/// stored; the key itself is shown once when it is created.
/// </summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public required string Name { get; set; }
    public required string KeyHash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
}
