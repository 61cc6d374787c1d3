using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Organisations;

namespace Resultataftaler.Core.Agreements;

/// <summary>
/// The words of a year's regime, which pages, reports, file names and sheets use: 2011–2018 a
/// resultataftale with a Væksthus, from 2019 a resultatkontrakt with an Erhvervshus. Taken from
/// the agreement (its template's <c>agreementKind</c> and its house's kind), never from the year.
/// </summary>
public sealed record Regime(HouseKind House, AgreementKind Agreement)
{
    /// <summary>The regime of the first agreements (2011): Væksthus and resultataftale.</summary>
    public static Regime Vaeksthus { get; } = new(HouseKind.Vaeksthus, AgreementKind.Resultataftale);

    /// <summary>"Væksthus" / "Erhvervshus".</summary>
    public string HouseWord => House.Name().Danish;

    /// <summary>"Væksthusene" / "Erhvervshusene".</summary>
    public string HousesDefinite => House == HouseKind.Erhvervshus ? "Erhvervshusene" : "Væksthusene";

    /// <summary>"resultataftale" / "resultatkontrakt".</summary>
    public string AgreementWord => Agreement.Name().Danish;

    /// <summary>"Resultataftale" / "Resultatkontrakt".</summary>
    public string AgreementTitle => Agreement.Title().Danish;

    /// <summary>"resultataftalen" / "resultatkontrakten".</summary>
    public string AgreementDefinite => Agreement.Definite().Danish;

    /// <summary>"Aftale" / "Kontrakt", for a label.</summary>
    public string AgreementShort => Agreement == AgreementKind.Resultatkontrakt ? "Kontrakt" : "Aftale";

    /// <summary>"aftalen" / "kontrakten".</summary>
    public string AgreementShortDefinite => Agreement == AgreementKind.Resultatkontrakt ? "kontrakten" : "aftalen";

    /// <summary>"Aftalens" / "Kontraktens".</summary>
    public string AgreementShortGenitive => Agreement == AgreementKind.Resultatkontrakt ? "Kontraktens" : "Aftalens";

    /// <summary>"Resultataftaler" / "Resultatkontrakter".</summary>
    public string AgreementsTitle => Agreement == AgreementKind.Resultatkontrakt ? "Resultatkontrakter" : "Resultataftaler";

    /// <summary>Where a municipality outside the house's area is marked: "uden for regionen" (a Væksthus served its region) / "uden for husets område".</summary>
    public string OutsideArea => House == HouseKind.Erhvervshus ? "uden for husets område" : "uden for regionen";

    public static Regime Of(Agreement agreement) =>
        new(agreement.GrowthHouse?.Kind ?? throw new InvalidOperationException("Load the agreement's house to know its regime."), agreement.Kind);

    /// <summary>The regime of a year's agreements (the Væksthus regime when the year has none).</summary>
    public static async Task<Regime> OfYearAsync(Data.ResultataftalerDbContext db, int year, CancellationToken cancellationToken) =>
        await db.Agreements.AsNoTracking().Where(a => a.Year == year).OrderBy(a => a.Id)
            .Select(a => new Regime(a.GrowthHouse!.Kind, a.Kind)).FirstOrDefaultAsync(cancellationToken) ?? Vaeksthus;
}
