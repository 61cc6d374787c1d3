namespace Resultataftaler.Web.Security;

/// <summary>Answers that carry a region's figures are never kept in a shared or browser cache.</summary>
public static class NoStore
{
    public static RouteGroupBuilder WithNoStore(this RouteGroupBuilder group) => group.AddEndpointFilter(async (context, next) =>
    {
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        return await next(context);
    });
}
