using Resultataftaler.Core.Organisations;

namespace Resultataftaler.Core.Agreements;

/// <summary>
/// The one-year resultataftale between a KKR and its region's Væksthus. Draft while goals and
/// targets are negotiated; Signed by the KKR chair and the house's board chair; Closed after the year.
/// </summary>
public sealed class Agreement
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int RegionCode { get; set; }
    public Region? Region { get; set; }
    public int KkrId { get; set; }
    public Kkr? Kkr { get; set; }
    public int GrowthHouseId { get; set; }
    public GrowthHouse? GrowthHouse { get; set; }
    public required string Title { get; set; }
    public string? TemplateName { get; set; }
    public AgreementStatus Status { get; private set; } = AgreementStatus.Draft;
    public string? KkrSignatory { get; private set; }
    public string? HouseSignatory { get; private set; }
    public DateOnly? SignedOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every change.</summary>
    public int Version { get; set; }

    public List<Goal> Goals { get; } = [];
    public List<MeasureTarget> Targets { get; } = [];

    public void Sign(string kkrSignatory, string houseSignatory, DateOnly signedOn)
    {
        if (Status != AgreementStatus.Draft)
        {
            throw new AgreementRuleException($"Aftalen er allerede {StatusText(Status)} og kan ikke underskrives igen.");
        }

        if (string.IsNullOrWhiteSpace(kkrSignatory) || string.IsNullOrWhiteSpace(houseSignatory))
        {
            throw new AgreementRuleException("Begge underskrivere (KKR-formand og Væksthusets bestyrelsesformand) skal angives.");
        }

        KkrSignatory = kkrSignatory.Trim();
        HouseSignatory = houseSignatory.Trim();
        SignedOn = signedOn;
        Status = AgreementStatus.Signed;
        Version++;
    }

    public void Close(DateOnly closedOn)
    {
        if (Status != AgreementStatus.Signed)
        {
            throw new AgreementRuleException("Kun en underskrevet aftale kan afsluttes.");
        }

        ClosedOn = closedOn;
        Status = AgreementStatus.Closed;
        Version++;
    }

    /// <summary>Sets a target directly; allowed only while the agreement is a draft.</summary>
    public void SetTarget(MeasureTarget target, TargetValues values, double? baseline)
    {
        EnsureOwns(target);
        if (Status != AgreementStatus.Draft)
        {
            throw new AgreementRuleException("Aftalen er underskrevet: mål kan kun ændres ved et tillæg med begrundelse og virkningsdato.");
        }

        target.Original = values;
        target.Baseline = baseline;
        Version++;
    }

    /// <summary>Changes a signed agreement's target through an amendment that keeps the previous values.</summary>
    public AgreementAmendment Amend(MeasureTarget target, TargetValues values, string reason, DateOnly effectiveDate, string amendedBy, DateTime nowUtc)
    {
        EnsureOwns(target);
        if (Status != AgreementStatus.Signed)
        {
            throw new AgreementRuleException(Status == AgreementStatus.Draft
                ? "Aftalen er et udkast: ret målet direkte i stedet for at lave et tillæg."
                : "Aftalen er afsluttet og kan ikke ændres.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new AgreementRuleException("Et tillæg kræver en begrundelse.");
        }

        if (effectiveDate.Year != Year)
        {
            throw new AgreementRuleException($"Virkningsdatoen skal ligge i aftaleåret {Year}.");
        }

        var amendment = new AgreementAmendment
        {
            AgreementId = Id,
            MeasureTargetId = target.Id,
            Reason = reason.Trim(),
            EffectiveDate = effectiveDate,
            Previous = target.InForceOn(effectiveDate),
            New = values,
            AmendedBy = amendedBy,
            AmendedAtUtc = nowUtc,
        };
        target.Amendments.Add(amendment);
        Version++;
        return amendment;
    }

    /// <summary>Renames or redescribes a goal; allowed only while the agreement is a draft.</summary>
    public void EditGoal(Goal goal, string title, string? description)
    {
        if (goal.AgreementId != Id && !Goals.Contains(goal))
        {
            throw new ArgumentException("Indsatsområdet hører ikke til denne aftale.", nameof(goal));
        }

        if (Status != AgreementStatus.Draft)
        {
            throw new AgreementRuleException("Aftalen er underskrevet: indsatsområderne ligger fast.");
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new AgreementRuleException("Indsatsområdet skal have en titel.");
        }

        goal.Title = title.Trim();
        goal.Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        Version++;
    }

    private void EnsureOwns(MeasureTarget target)
    {
        if (!ReferenceEquals(target.Agreement, this) && target.AgreementId != Id)
        {
            throw new ArgumentException("Målet hører ikke til denne aftale.", nameof(target));
        }
    }

    public static string StatusText(AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => "udkast",
        AgreementStatus.Signed => "underskrevet",
        AgreementStatus.Closed => "afsluttet",
        _ => status.ToString(),
    };
}
