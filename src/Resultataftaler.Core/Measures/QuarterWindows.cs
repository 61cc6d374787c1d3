using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.Measures;

/// <summary>The four date windows [From, To) a measure is evaluated over: year-to-date or the quarter alone.</summary>
internal sealed record QuarterWindows(DateOnly[] From, DateOnly[] To)
{
    public static QuarterWindows For(int year, bool cumulative) => new(
        [.. Enumerable.Range(1, 4).Select(q => cumulative ? Quarters.Start(year, 1) : Quarters.Start(year, q))],
        [.. Enumerable.Range(1, 4).Select(q => Quarters.EndExclusive(year, q))]);
}
