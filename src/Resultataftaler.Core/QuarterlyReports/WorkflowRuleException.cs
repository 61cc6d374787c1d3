using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.QuarterlyReports;

/// <summary>A step the report's state does not allow, e.g. editing an approved quarter outside the reopen flow.</summary>
public sealed class WorkflowRuleException(Text text) : UserFacingException(text);
