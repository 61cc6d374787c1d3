namespace Resultataftaler.Core.Activities;

/// <summary>The kinds of activity in the houses' CRM. Stored as these numbers: never renumber.</summary>
public enum ActivityType
{
    GrowthMapping = 0,
    GrowthPlan = 1,
    Referral = 2,
    SatisfactionAnswer = 3,
    CompetenceDevelopment = 4,
    MunicipalReferral = 5,
    Event = 6,
}
