namespace Resultataftaler.Core.Measures;

/// <summary>
/// Combines the five regions' results of a shared measure into the national figure. Shares are a
/// ratio of sums (Σ numerators ÷ Σ denominators), never a mean of the regions' percentages;
/// counts and amounts are summed. A manual share entered without its parts cannot be combined
/// honestly and stays empty (grey).
/// </summary>
public static class NationalFigures
{
    public static MeasureRow Combine(IReadOnlyList<MeasureRow> regional)
    {
        ArgumentOutOfRangeException.ThrowIfZero(regional.Count);
        var first = regional[0];
        var withParts = regional.Where(r => r.Numerator is not null && r.Denominator is not null).ToList();
        double? value, numerator = null, denominator = null, target, milestone, projection;
        var scale = first.Unit == MeasureUnit.Percent ? 100.0 : 1.0;

        if (first.HasFraction || (withParts.Count > 0 && withParts.Count == regional.Count(r => r.Value is not null)))
        {
            numerator = withParts.Sum(r => r.Numerator!.Value);
            denominator = withParts.Sum(r => r.Denominator!.Value);
            value = denominator > 0 ? numerator / denominator * scale : null;

            // The national target of a share is what the regions' targets add up to when each is weighted by its own denominator.
            target = Weighted(regional, r => r.Target);
            milestone = Weighted(regional, r => r.Milestone);
            projection = value;
        }
        else if (first.Unit is MeasureUnit.Count or MeasureUnit.Kroner)
        {
            value = SumOrNull(regional.Select(r => r.Value));
            target = SumOrNull(regional.Select(r => r.Target));
            milestone = SumOrNull(regional.Select(r => r.Milestone));
            projection = SumOrNull(regional.Select(r => r.Projection));
        }
        else
        {
            value = null;
            target = null;
            milestone = null;
            projection = null;
        }

        return first with
        {
            RegionCode = MeasureRow.National,
            RegionName = "Hele landet",
            HouseCode = null,
            HouseName = null,
            Value = value,
            Numerator = numerator,
            Denominator = denominator,
            Target = target,
            Milestone = milestone,
            Projection = projection,
            // Regions may set their own thresholds; the national light uses the strictest of them.
            Status = StatusRule.Evaluate(value, milestone, first.Direction, regional.Max(r => r.GreenAt), regional.Max(r => r.YellowAt)),
        };
    }

    private static double? SumOrNull(IEnumerable<double?> values)
    {
        var present = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return present.Count == 0 ? null : present.Sum();
    }

    private static double? Weighted(IReadOnlyList<MeasureRow> rows, Func<MeasureRow, double?> pick)
    {
        var weighted = rows.Where(r => pick(r) is not null && r.Denominator > 0).ToList();
        if (weighted.Count > 0)
        {
            return weighted.Sum(r => pick(r)!.Value * r.Denominator!.Value) / weighted.Sum(r => r.Denominator!.Value);
        }

        var plain = rows.Where(r => pick(r) is not null).Select(r => pick(r)!.Value).ToList();
        return plain.Count == 0 ? null : plain.Average();
    }
}
