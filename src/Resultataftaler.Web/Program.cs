using Resultataftaler.Core.Common;
using Resultataftaler.Web;
using Serilog;

try
{
    var app = WebApp.Build(args);
    await WebApp.InitializeAsync(app);
    await app.RunAsync();
    return 0;
}
catch (UserFacingException ex)
{
    await Console.Error.WriteLineAsync("Fejl: " + ex.Message);
    Log.Fatal(ex, "Start-up failed");
    return 1;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    await Console.Error.WriteLineAsync("Fejl ved start: " + ex.Message);
    Log.Fatal(ex, "Start-up failed");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}
