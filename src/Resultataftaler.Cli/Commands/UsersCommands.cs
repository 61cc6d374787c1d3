using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Accounts;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;

using Resultataftaler.Cli.Json;

namespace Resultataftaler.Cli.Commands;

/// <summary>`users add|set-role|reset-password|list|api-key`: the accounts people sign in with.</summary>
internal static class UsersCommands
{
    public static Command Create(GlobalOptions globals) =>
        new("users", "Brugere: opret, skift rolle, nulstil adgangskode, vis, og API-nøgler.") { Add(globals), SetRole(globals), ResetPassword(globals), List(globals), ApiKey(globals), RevokeApiKey(globals) };

    private static Option<string> Email() => new("--email", "-e") { Description = "Brugerens e-mail (brugernavnet)", Required = true };

    private static Option<string> Password() => new("--password", "-p") { Description = "Adgangskoden (mindst 10 tegn med store og små bogstaver og tal)", Required = true };

    private static Option<string> Role() => new("--role")
    {
        Description = "Rollen: " + string.Join("|", Roles.All),
        Required = true,
        Validators = { r => { if (Roles.Parse(r.GetValueOrDefault<string>()) is null) { r.AddError($"--role skal være en af {string.Join(", ", Roles.All)}."); } } },
    };

    private static Option<int?> Region() => CommonOptions.Region("Regionskoden (1081–1085) for KkrSekretariat og Husleder");

    private static Command Add(GlobalOptions globals)
    {
        var (email, password, role, region) = (Email(), Password(), Role(), Region());
        var name = new Option<string?>("--name") { Description = "Navn, der vises i systemet" };
        var house = new Option<string?>("--house") { Description = "Husleder: kun dette hus i regionen (fx EH-FYN); uden: hele regionen" };
        var command = new Command("add", "Opret en bruger med en rolle (og region for regionale roller, hus for en husleder).") { email, password, role, region, name, house };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, globals, async services =>
        {
            await MigrateAsync(services, ct);
            var user = await services.GetRequiredService<UserAdministration>()
                .AddAsync(parse.GetValue(email)!, parse.GetValue(password)!, parse.GetValue(role)!, parse.GetValue(region), parse.GetValue(name), ct, parse.GetValue(house));
            await parse.InvocationConfiguration.Output.WriteLineAsync($"Brugeren {user.Email} er oprettet som {Describe(Roles.Parse(parse.GetValue(role))!, user.RegionCode)}.");
            return 0;
        }));
        return command;
    }

    private static Command SetRole(GlobalOptions globals)
    {
        var (email, role, region) = (Email(), Role(), Region());
        var command = new Command("set-role", "Giv en bruger en ny rolle (og region); brugerens åbne sessioner udløber.") { email, role, region };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, globals, async services =>
        {
            await MigrateAsync(services, ct);
            var user = await services.GetRequiredService<UserAdministration>().SetRoleAsync(parse.GetValue(email)!, parse.GetValue(role)!, parse.GetValue(region), ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"{user.Email} er nu {Describe(Roles.Parse(parse.GetValue(role))!, user.RegionCode)}.");
            return 0;
        }));
        return command;
    }

    private static Command ResetPassword(GlobalOptions globals)
    {
        var (email, password) = (Email(), Password());
        var command = new Command("reset-password", "Sæt en ny adgangskode og ophæv en eventuel spærring.") { email, password };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, globals, async services =>
        {
            await MigrateAsync(services, ct);
            var user = await services.GetRequiredService<UserAdministration>().ResetPasswordAsync(parse.GetValue(email)!, parse.GetValue(password)!, ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"Adgangskoden for {user.Email} er ændret.");
            return 0;
        }));
        return command;
    }

    private static Command List(GlobalOptions globals)
    {
        var format = CommonOptions.Format("table", "json");
        var command = new Command("list", "Vis brugerne med rolle og region.") { format };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, globals, async services =>
        {
            await MigrateAsync(services, ct);
            var users = await services.GetRequiredService<UserAdministration>().ListAsync(ct);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json")
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(
                    users.Select(u => new UserJson(u.Email, u.DisplayName, u.Role, u.RegionCode, u.LockedOut, u.HouseCode)),
                    CliJson.Options));
                return 0;
            }

            var table = new TextTable("E-mail", "Rolle", "Region", "Hus", "Spærret");
            foreach (var u in users)
            {
                table.Add(u.Email, u.Role ?? "(ingen)", u.RegionCode?.ToString(DanishFormat.Culture) ?? "", u.HouseCode ?? "", u.LockedOut ? "ja" : "");
            }

            await table.WriteAsync(output);
            await output.WriteLineAsync(users.Count == 1 ? "1 bruger." : $"{users.Count} brugere.");
            return 0;
        }));
        return command;
    }

    private static Command ApiKey(GlobalOptions globals)
    {
        var email = Email();
        var name = new Option<string>("--name") { Description = "Hvad nøglen bruges til, fx 'Ministeriets BI'", Required = true };
        var command = new Command("api-key", "Opret en API-nøgle, der handler som brugeren (sendes i X-Api-Key). Nøglen vises kun denne ene gang.") { email, name };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, globals, async services =>
        {
            await MigrateAsync(services, ct);
            var key = await services.GetRequiredService<ApiKeys>().CreateAsync(parse.GetValue(email)!, parse.GetValue(name)!, ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync(key);
            return 0;
        }));
        return command;
    }

    private static Command RevokeApiKey(GlobalOptions globals)
    {
        var email = Email();
        var name = new Option<string?>("--name") { Description = "Kun nøglen med dette navn (ellers alle brugerens nøgler)" };
        var command = new Command("api-key-revoke", "Tilbagekald en brugers API-nøgler; de afvises fra næste forespørgsel.") { email, name };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, globals, async services =>
        {
            await MigrateAsync(services, ct);
            var count = await services.GetRequiredService<ApiKeys>().RevokeAsync(parse.GetValue(email)!, parse.GetValue(name), ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync(count == 1 ? "1 nøgle er tilbagekaldt." : $"{count} nøgler er tilbagekaldt.");
            return count > 0 ? 0 : 1;
        }));
        return command;
    }

    private static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken);
        await services.GetRequiredService<AccountsSetup>().MigrateAsync(cancellationToken);
    }

    private static string Describe(string role, int? region) =>
        region is { } code ? $"{Roles.Danish(role)} for region {code.ToString(DanishFormat.Culture)}" : Roles.Danish(role);
}
