using System.CommandLine;

namespace Resultataftaler.Cli.Commands;

internal static class CommonOptions
{
    public static Option<int> Year() => new("--year", "-y")
    {
        Description = "Aftaleåret, fx 2011",
        Required = true,
        Validators = { r => { if (r.GetValueOrDefault<int>() is < 2000 or > 2100) { r.AddError("--year skal være et år mellem 2000 og 2100."); } } },
    };

    public static Option<int> Quarter() => new("--quarter", "-q")
    {
        Description = "Kvartalet, 1–4",
        Required = true,
        Validators = { r => { if (r.GetValueOrDefault<int>() is < 1 or > 4) { r.AddError("--quarter skal være 1, 2, 3 eller 4."); } } },
    };

    public static Option<int?> Region(string description) => new("--region", "-r")
    {
        Description = description,
        Validators = { r => { if (r.GetValueOrDefault<int?>() is { } v && v is < 1081 or > 1085) { r.AddError("--region skal være en regionskode 1081–1085."); } } },
    };

    public static Option<string> Format(params string[] allowed)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Uddata: " + string.Join(" eller ", allowed),
            DefaultValueFactory = _ => allowed[0],
        };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }
}
