using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace Resultataftaler.Accounts;

/// <summary>Identity's validation messages in Danish, for the CLI and the web forms alike.</summary>
public sealed class DanishIdentityErrors : IdentityErrorDescriber
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), string.Format(Danish, "Adgangskoden skal være på mindst {0} tegn.", length));
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Adgangskoden skal indeholde mindst ét tal (0–9).");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Adgangskoden skal indeholde mindst ét lille bogstav.");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Adgangskoden skal indeholde mindst ét stort bogstav.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Adgangskoden skal indeholde mindst ét tegn, der ikke er et bogstav eller tal (fx ! eller -).");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), string.Format(Danish, "Adgangskoden skal indeholde mindst {0} forskellige tegn.", uniqueChars));
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"Der findes allerede en bruger med e-mailen {userName}.");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"Der findes allerede en bruger med e-mailen {email}.");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"'{email}' er ikke en gyldig e-mailadresse.");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"'{userName}' kan ikke bruges som brugernavn.");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Brugeren er ændret af en anden i mellemtiden. Hent siden igen.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Forkert adgangskode.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
