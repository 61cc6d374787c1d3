using Resultataftaler.Core.Activities;

namespace Resultataftaler.Core.Measures;

/// <summary>Which activity records a measure (or one side of a ratio) looks at.</summary>
public sealed class ActivityFilter
{
    public List<ActivityType> Types { get; set; } = [];

    /// <summary>Only referrals to this kind of adviser, when set.</summary>
    public AdviserKind? AdviserKind { get; set; }

    /// <summary>Only records with this international flag, when set.</summary>
    public bool? International { get; set; }

    public ActivityFilter Copy() => new()
    {
        Types = [.. Types],
        AdviserKind = AdviserKind,
        International = International,
    };
}
