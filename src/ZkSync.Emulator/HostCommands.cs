using System;
using ZkSync.Emulator.Core;

namespace ZkSync.Emulator.Host
{
    /// <summary>Lines a parent process may write to the host's standard input while it serves.</summary>
    internal static class HostCommands
    {
        /// <summary>Runs one line; returns what to print on standard output (one line) or null for nothing.</summary>
        public static string? Run(string line, DeviceEmulator emulator)
        {
            switch (line.Trim())
            {
                case "":
                    return null;
                case "stats":
                    return emulator.Counters.ToJson();
                case "reset-stats":
                    emulator.Counters.Reset();
                    return null;
                case "restart":
                    emulator.Restart();
                    return null;
                case "clear-faults":
                    emulator.SetFaults(null);
                    return null;
                default:
                    Console.Error.WriteLine(
                        $"unknown control line '{line.Trim()}' (stats, reset-stats, restart, clear-faults)"
                    );
                    return null;
            }
        }
    }
}
