namespace Resultataftaler.Core.Activities;

public enum ActivityType
{
    GrowthMapping,
    GrowthPlan,
    Referral,
    SatisfactionAnswer,
    CompetenceDevelopment,
    MunicipalReferral,
    Event,
}
