using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.Agreements;

/// <summary>An action the agreement's state does not allow (e.g. editing a signed target without an amendment).</summary>
/// <param name="field">The form field the rule is about (e.g. "Reason"), or null for the whole form.</param>
public sealed class AgreementRuleException(Text text, string? field = null) : UserFacingException(text)
{
    public string? Field { get; } = field;
}
