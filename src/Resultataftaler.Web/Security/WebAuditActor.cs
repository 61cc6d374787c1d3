using Resultataftaler.Core.Audit;

namespace Resultataftaler.Web.Security;

/// <summary>The audit log's "who" in the web host: the signed-in person, or the background job when there is no request.</summary>
public sealed class WebAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public string Name => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user
        ? user.FindFirst(RegionClaimsFactory.DisplayNameClaim)?.Value is { Length: > 0 } name && name != user.Identity!.Name
            ? $"{name} ({user.Identity!.Name})"
            : user.Identity!.Name ?? "ukendt"
        : "system (baggrundsjob)";
}
