using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.Agreements;

/// <summary>The regime's word for the agreement: resultataftale (2011–2018), resultatkontrakt (from 2019).</summary>
public enum AgreementKind
{
    Resultataftale,
    Resultatkontrakt,
}

/// <summary>The words of an agreement kind, in the forms the pages and reports need.</summary>
public static class AgreementKinds
{
    public static bool TryParse(string text, out AgreementKind kind)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "resultataftale":
                kind = AgreementKind.Resultataftale;
                return true;
            case "resultatkontrakt":
                kind = AgreementKind.Resultatkontrakt;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    /// <summary>"resultataftale" / "performance agreement".</summary>
    public static Text Name(this AgreementKind kind) => kind == AgreementKind.Resultatkontrakt
        ? new("resultatkontrakt", "performance contract")
        : new("resultataftale", "performance agreement");

    /// <summary>"Resultataftale" / "Performance agreement", for a heading or a title.</summary>
    public static Text Title(this AgreementKind kind) => kind == AgreementKind.Resultatkontrakt
        ? new("Resultatkontrakt", "Performance contract")
        : new("Resultataftale", "Performance agreement");

    /// <summary>The definite form: "resultataftalen" / "resultatkontrakten".</summary>
    public static Text Definite(this AgreementKind kind) => kind == AgreementKind.Resultatkontrakt
        ? new("resultatkontrakten", "the performance contract")
        : new("resultataftalen", "the performance agreement");
}
