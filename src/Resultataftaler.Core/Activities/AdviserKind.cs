namespace Resultataftaler.Core.Activities;

/// <summary>Who a referral went to. Stored as these numbers: never renumber.</summary>
public enum AdviserKind
{
    Private = 0,
    Public = 1,
}
