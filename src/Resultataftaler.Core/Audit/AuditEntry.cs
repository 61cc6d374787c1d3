namespace Resultataftaler.Core.Audit;

/// <summary>One change to the system's data: who, when, what (entity and id), and every field's old → new value.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Actor { get; set; }

    /// <summary>The region the change belongs to (for a KKR secretariat's view); null for national or system data.</summary>
    public int? RegionCode { get; set; }

    /// <summary>The kind of thing changed, in Danish ("Aftale", "Mål", "Kvartalsrapport", …).</summary>
    public required string Entity { get; set; }

    public string? EntityId { get; set; }

    /// <summary>Oprettet, Ændret or Slettet.</summary>
    public required string Action { get; set; }

    /// <summary>"Field: old → new" per changed field, one per line, in Danish (what the text filter searches).</summary>
    public required string Changes { get; set; }

    /// <summary>
    /// The same changes as stored values (JSON of <see cref="AuditChange"/>), shown in the reader's
    /// language with names for ids and codes; null on entries written before it existed.
    /// </summary>
    public string? Details { get; set; }
}

/// <summary>Who is making the changes in this scope: the signed-in person, the CLI's operating-system user, or a background job.</summary>
public interface IAuditActor
{
    string Name { get; }
}

/// <summary>The default outside the web: the operating-system user of the process.</summary>
public sealed class ProcessAuditActor : IAuditActor
{
    public string Name { get; } = $"{Environment.UserName} (kommandolinje/job)";
}
