using System.Globalization;
using Resultataftaler.Core.Activities;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Validation;

namespace Resultataftaler.Core.Imports;

/// <summary>Checks one raw row field by field and names every problem (in Danish, for the people who correct them).</summary>
public sealed partial class ActivityRowValidator(ImportReference reference)
{
    public ValidatedActivity? Validate(RawActivityRow row, List<string> reasons)
    {
        reasons.Clear();
        if (row.ReadError is { } readError)
        {
            reasons.Add(readError);
            return null;
        }

        var sourceId = row.SourceId;
        if (string.IsNullOrWhiteSpace(sourceId))
        {
            reasons.Add("kilde_id mangler");
        }
        else if (sourceId.Length > 100)
        {
            reasons.Add("kilde_id er længere end 100 tegn");
        }

        ActivityType type = default;
        var hasType = false;
        if (string.IsNullOrWhiteSpace(row.Activity))
        {
            reasons.Add("aktivitet mangler");
        }
        else if (!(hasType = ActivityCodes.TryParseType(row.Activity, out type)))
        {
            reasons.Add($"aktivitet '{Quoted.Field(row.Activity)}' er ukendt (tilladt: {string.Join(", ", ActivityCodes.TypeCodes)})");
        }

        var companyOptional = hasType && type is ActivityType.CompetenceDevelopment or ActivityType.Event;
        string? cvr = null;
        if (!string.IsNullOrWhiteSpace(row.Cvr) || !companyOptional)
        {
            if (Cvr.Explain(row.Cvr) is { } cvrProblem)
            {
                reasons.Add(cvrProblem + (string.IsNullOrWhiteSpace(row.Cvr) && hasType ? $" (påkrævet for {ActivityCodes.Code(type)})" : string.Empty));
            }
            else
            {
                cvr = row.Cvr!.Trim();
            }
        }

        var regionOk = MunicipalityCodes.TryParseRegion(row.Region, out var region);
        if (!regionOk)
        {
            reasons.Add(string.IsNullOrWhiteSpace(row.Region) ? "regionskode mangler" : $"regionskode '{Quoted.Field(row.Region)}' er ikke en region (1081–1085)");
        }

        int? municipality = null;
        var crossRegion = false;
        if (!string.IsNullOrWhiteSpace(row.Municipality) || !companyOptional)
        {
            if (string.IsNullOrWhiteSpace(row.Municipality))
            {
                reasons.Add("kommunekode mangler");
            }
            else if (MunicipalityCodes.Check(row.Municipality, reference.RegionByMunicipality, regionOk ? region : null, out var code, out crossRegion) is { } problem)
            {
                reasons.Add(problem);
            }
            else
            {
                municipality = code;
            }
        }

        DateOnly date = default;
        if (string.IsNullOrWhiteSpace(row.Date))
        {
            reasons.Add("dato mangler");
        }
        else if (!DanishDate.TryParse(row.Date, out date))
        {
            reasons.Add($"dato '{Quoted.Field(row.Date)}' er ikke en gyldig dato (yyyy-MM-dd, dd-MM-yyyy eller dd.MM.yyyy)");
        }
        else if (!reference.AgreementYears.Contains(date.Year))
        {
            reasons.Add($"dato {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ligger i {date.Year.ToString(CultureInfo.InvariantCulture)}, hvor der ingen resultataftale er");
        }

        var quantity = 1;
        if (!string.IsNullOrWhiteSpace(row.Quantity)
            && !(WholeNumber().IsMatch(row.Quantity.Trim()) && int.TryParse(row.Quantity, NumberStyles.AllowThousands, DanishFormat.Culture, out quantity) && quantity >= 1))
        {
            reasons.Add($"antal '{Quoted.Field(row.Quantity)}' skal være et helt tal på mindst 1");
        }

        int? score = null;
        if (!string.IsNullOrWhiteSpace(row.Score))
        {
            if (int.TryParse(row.Score, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 5)
            {
                score = s;
            }
            else
            {
                reasons.Add($"score '{Quoted.Field(row.Score)}' skal være et helt tal 1–5");
            }
        }
        else if (hasType && type == ActivityType.SatisfactionAnswer)
        {
            reasons.Add("score mangler (påkrævet for tilfredshed)");
        }

        AdviserKind? adviser = null;
        if (!string.IsNullOrWhiteSpace(row.Adviser))
        {
            if (ActivityCodes.TryParseAdviser(row.Adviser, out var kind))
            {
                adviser = kind;
            }
            else
            {
                reasons.Add($"raadgiver '{Quoted.Field(row.Adviser)}' skal være privat eller offentlig");
            }
        }
        else if (hasType && type == ActivityType.Referral)
        {
            reasons.Add("raadgiver mangler (påkrævet for henvisning: privat eller offentlig)");
        }

        var international = false;
        if (!string.IsNullOrWhiteSpace(row.International))
        {
            switch (row.International.Trim().ToLowerInvariant())
            {
                case "ja" or "1" or "true":
                    international = true;
                    break;
                case "nej" or "0" or "false":
                    break;
                default:
                    reasons.Add($"international '{Quoted.Field(row.International)}' skal være ja, nej, 1, 0, true eller false");
                    break;
            }
        }

        if (reasons.Count > 0)
        {
            return null;
        }

        if (HouseAttribution.Attribute(reference, row.House, region, municipality, date.Year, reasons) is not (ImportHouse house, bool outsideArea))
        {
            return null;
        }

        return new ValidatedActivity(sourceId!.Trim(), type, cvr, municipality, region, house.Id, date, quantity, score, adviser, international, crossRegion || outsideArea);
    }

    /// <summary>1200 or 1.200 (Danish thousands in groups of three); not 1.5 or 1,5.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d+|\d{1,3}(\.\d{3})+)$")]
    private static partial System.Text.RegularExpressions.Regex WholeNumber();
}
