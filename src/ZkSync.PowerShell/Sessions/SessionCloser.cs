using System;
using System.Threading;
using ZkSync.Protocol.Client;

namespace ZkSync.PowerShell.Sessions
{
    /// <summary>Ends a session politely (CMD_EXIT frees the device's session slot) but never hangs or throws while
    /// doing so.</summary>
    internal static class SessionCloser
    {
        public static void Close(ZkSession session, TimeSpan timeout)
        {
            session.MarkClosed();
            ZkDeviceClient client = session.Client;
            try
            {
                using (var cts = new CancellationTokenSource(timeout))
                {
                    client.CloseAsync(cts.Token).Wait(timeout);
                }
            }
            catch (Exception)
            {
                // The device may already be gone (restarted, emulator stopped); the socket is released below anyway.
            }
            finally
            {
                try { client.Dispose(); } catch (Exception) { }
            }
        }
    }
}
