using System.Runtime.InteropServices;

namespace Resultataftaler.Web;

/// <summary>The process's own stop signals, before ASP.NET Core's lifetime takes them over.</summary>
internal static class StopSignals
{
    private const int SigInt = 2;

    /// <summary>
    /// Restores SIGINT's default disposition when the process inherited it ignored (a job started in
    /// the background by a non-interactive shell), so Ctrl-C and `kill -INT` stop the service as they
    /// do in the foreground. Linux and macOS only; elsewhere nothing to do.
    /// </summary>
    public static void HonourInterrupt()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            _ = Signal(SigInt, IntPtr.Zero);
        }
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code in the project for one call at start-up.
    [DllImport("libc", EntryPoint = "signal")]
    private static extern IntPtr Signal(int signal, IntPtr handler);
#pragma warning restore SYSLIB1054
}
