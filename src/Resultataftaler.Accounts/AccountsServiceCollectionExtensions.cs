using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>
    /// Identity's user and role stores on the app database with the password and lockout rules,
    /// plus the user administration. The web host adds sign-in on top (AddSignInManager, cookies).
    /// </summary>
    public static IdentityBuilder AddResultataftalerAccounts(this IServiceCollection services)
    {
        services.AddDbContext<AccountsDbContext>((sp, options) => AccountsDbContext.Configure(options, sp.GetRequiredService<DatabaseSettings>()));
        services.AddScoped<UserAdministration>();
        services.AddScoped<DemoUsers>();
        services.AddScoped<ApiKeys>();
        services.AddScoped<AccountsSetup>();
        services.AddScoped<Core.QuarterlyReports.IReminderRecipients, AccountReminderRecipients>();
        return services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddErrorDescriber<DanishIdentityErrors>()
            .AddEntityFrameworkStores<AccountsDbContext>();
    }
}
