using System.Runtime.InteropServices;
using Resultataftaler.Core.Common;
using Resultataftaler.Web;
using Serilog;

// A stop signal (Ctrl-C, a service manager's SIGTERM) during start-up stops the setup at once: an
// import in progress is rolled back and its run recorded, and the next start completes the setup.
// Once the host runs, ASP.NET Core's own lifetime handles the signals (a graceful shutdown).
// A shell starts a background job ("… &") with SIGINT ignored; the service stops on it all the same.
StopSignals.HonourInterrupt();
using var startup = new CancellationTokenSource();
var signals = new List<PosixSignalRegistration>();
foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT })
{
    signals.Add(PosixSignalRegistration.Create(signal, context =>
    {
        // The first signal stops the setup at its next step; a second one ends the process at once.
        context.Cancel = !startup.IsCancellationRequested;
        startup.Cancel();
    }));
}

try
{
    var app = WebApp.Build(args);
    await WebApp.InitializeAsync(app, startup.Token);
    signals.ForEach(s => s.Dispose());
    if (startup.IsCancellationRequested)
    {
        throw new OperationCanceledException(startup.Token);
    }

    await app.RunAsync();
    return 0;
}
catch (OperationCanceledException) when (startup.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Stoppet under opstarten. Næste start gør opsætningen færdig.");
    Log.Warning("Stopped during start-up; the next start completes the setup");
    return 130;
}
catch (UserFacingException ex)
{
    // Said to the operator in one line; no stack trace for a mistake they can fix.
    await Console.Error.WriteLineAsync("Fejl: " + ex.Message);
    Log.Fatal("Start-up failed: {Message}", ex.Message);
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
    signals.ForEach(s => s.Dispose());
    await Log.CloseAndFlushAsync();
}
