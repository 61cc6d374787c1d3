namespace Resultataftaler.Core.Agreements;

public enum AgreementStatus
{
    Draft,
    Signed,
    Closed,
}
