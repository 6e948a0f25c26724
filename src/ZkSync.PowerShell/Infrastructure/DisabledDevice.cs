using System;

namespace ZkSync.PowerShell.Infrastructure
{
    /// <summary>
    /// Keeps a device disabled (keypad and sensors locked) while a bulk write runs, as firmware tools do, and always
    /// enables it again, also after Ctrl+C or a failure: a device left disabled locks people out.
    /// </summary>
    internal sealed class DisabledDevice : IDisposable
    {
        private readonly ZkCmdlet _cmdlet;
        private readonly ZkSession _session;

        public DisabledDevice(ZkCmdlet cmdlet, ZkSession session)
        {
            _cmdlet = cmdlet;
            _session = session;
            _cmdlet.Run(ct => session.Client.DisableAsync(ct));
        }

        public void Dispose() => _cmdlet.RunCleanup(_session, ct => _session.Client.EnableAsync(ct), "enable the device again");
    }
}
