using Resultataftaler.Core.Common;
using Resultataftaler.Core.Organisations;

namespace Resultataftaler.Core.Agreements;

/// <summary>
/// The one-year agreement between a KKR and a house for a year: a resultataftale with the region's
/// Væksthus (2011–2018), a resultatkontrakt with an Erhvervshus (from 2019; KKR Syddanmark has
/// two, one per house). Unique per house and year. Draft while goals and
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

    /// <summary>The regime's word for it (from the template): resultataftale or resultatkontrakt.</summary>
    public AgreementKind Kind { get; set; } = AgreementKind.Resultataftale;
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
            throw new AgreementRuleException(new($"Aftalen er allerede {StatusName(Status).Danish} og kan ikke underskrives igen.", $"The agreement is already {StatusName(Status).English} and cannot be signed again."));
        }

        if (string.IsNullOrWhiteSpace(kkrSignatory) || string.IsNullOrWhiteSpace(houseSignatory))
        {
            throw new AgreementRuleException(new("Begge underskrivere (KKR-formand og husets bestyrelsesformand) skal angives.", "Both signatories (the KKR chair and the growth house's board chair) must be given."));
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
            throw new AgreementRuleException(new("Kun en underskrevet aftale kan afsluttes.", "Only a signed agreement can be closed."));
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
            throw new AgreementRuleException(new("Aftalen er underskrevet: mål kan kun ændres ved et tillæg med begrundelse og virkningsdato.", "The agreement is signed: a target can only be changed by an amendment with a reason and an effective date."));
        }

        ThrowIfInvalid(target, values);
        target.Original = values;
        target.Baseline = baseline;
        Version++;
    }

    /// <summary>Changes a signed agreement's target through an amendment that keeps the previous values.</summary>
    public AgreementAmendment Amend(MeasureTarget target, TargetValues values, string reason, DateOnly effectiveDate, string amendedBy, DateTime nowUtc)
    {
        EnsureOwns(target);
        ThrowIfInvalid(target, values);

        if (AmendmentProblems(reason, effectiveDate) is [var first, ..])
        {
            throw new AgreementRuleException(first.Message, first.Field);
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

    /// <summary>
    /// What stands in the way of an amendment, field by field (all of them, so a form can show
    /// them together): the agreement must be signed, the reason given, the effective date in the
    /// agreement year. Empty when the amendment may be made.
    /// </summary>
    public IReadOnlyList<(string? Field, Text Message)> AmendmentProblems(string? reason, DateOnly? effectiveDate)
    {
        if (Status != AgreementStatus.Signed)
        {
            return [(null, Status == AgreementStatus.Draft
                ? new Text("Aftalen er et udkast: ret målet direkte i stedet for at lave et tillæg.", "The agreement is a draft: edit the target directly instead of making an amendment.")
                : new Text("Aftalen er afsluttet og kan ikke ændres.", "The agreement is closed and cannot be changed."))];
        }

        var problems = new List<(string?, Text)>();
        if (string.IsNullOrWhiteSpace(reason))
        {
            problems.Add((AmendmentFields.Reason, new Text("Skriv begrundelsen for tillægget.", "Give the reason for the amendment.")));
        }

        if (effectiveDate is not { } date)
        {
            problems.Add((AmendmentFields.EffectiveDate, new Text("Angiv den dato, tillægget gælder fra.", "Give the date the amendment takes effect.")));
        }
        else if (date.Year != Year)
        {
            problems.Add((AmendmentFields.EffectiveDate, new Text($"Datoen skal ligge i aftaleåret {Year}.", $"The date must be in the agreement year {Year}.")));
        }

        return problems;
    }

    /// <summary>Renames or redescribes a goal; allowed only while the agreement is a draft.</summary>
    public void EditGoal(Goal goal, string title, string? description)
    {
        if (goal.AgreementId != Id && !Goals.Contains(goal))
        {
            throw new ArgumentException("The goal does not belong to this agreement.", nameof(goal));
        }

        if (Status != AgreementStatus.Draft)
        {
            throw new AgreementRuleException(new("Aftalen er underskrevet: indsatsområderne ligger fast.", "The agreement is signed: its goals are fixed."));
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new AgreementRuleException(new("Indsatsområdet skal have en titel.", "The goal needs a title."), "Title");
        }

        goal.Title = title.Trim();
        goal.Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        Version++;
    }

    /// <summary>The target rules (<see cref="TargetRules"/>), all of them in one message.</summary>
    private static void ThrowIfInvalid(MeasureTarget target, TargetValues values)
    {
        var errors = TargetRules.Check(values, target.MeasureDefinition?.IsCumulative ?? false, target.MeasureDefinition?.Range);
        if (errors.Count > 0)
        {
            throw new AgreementRuleException(new(
                string.Join(" ", errors.Select(e => e.Message.Danish)), string.Join(" ", errors.Select(e => e.Message.English))),
                errors.Count == 1 ? errors[0].Field : null);
        }
    }

    private void EnsureOwns(MeasureTarget target)
    {
        if (!ReferenceEquals(target.Agreement, this) && target.AgreementId != Id)
        {
            throw new ArgumentException("The target does not belong to this agreement.", nameof(target));
        }
    }

    /// <summary>The status in words, Danish and English (the one place for them).</summary>
    public static Text StatusName(AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => new("udkast", "draft"),
        AgreementStatus.Signed => new("underskrevet", "signed"),
        _ => new("afsluttet", "closed"),
    };
}

/// <summary>The names of the amendment's own fields, as the rules report them.</summary>
public static class AmendmentFields
{
    public const string Reason = nameof(Reason);
    public const string EffectiveDate = nameof(EffectiveDate);
}
