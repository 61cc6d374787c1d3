using Hangfire.Dashboard;
using Resultataftaler.Accounts;

namespace Resultataftaler.Web.Security;

/// <summary>The Hangfire dashboard is for signed-in administrators only.</summary>
public sealed class HangfireAdministratorFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => AccessScope.From(context.GetHttpContext().User).IsAdministrator;
}
