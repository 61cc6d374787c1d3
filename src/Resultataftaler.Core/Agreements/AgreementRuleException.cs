namespace Resultataftaler.Core.Agreements;

/// <summary>An action the agreement's state does not allow (e.g. editing a signed target without an amendment).</summary>
public sealed class AgreementRuleException(string message) : Exception(message);
