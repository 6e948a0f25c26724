using System;
using System.Threading.Tasks;
using ZkSync.Emulator.Core;

namespace ZkSync.Emulator.Tests
{
    /// <summary>Starts an emulator on 127.0.0.1 port 0 for one test.</summary>
    internal static class Emu
    {
        public static Task<DeviceEmulator> Start(
            string profile = "tft",
            int users = 0,
            uint commKey = 0,
            Action<EmulatorOptions>? configure = null
        )
        {
            var o = new EmulatorOptions
            {
                Port = 0,
                Profile = profile,
                Users = users,
                CommKey = commKey,
                Seed = 7,
            };
            configure?.Invoke(o);
            return DeviceEmulator.StartAsync(o);
        }

        /// <summary>
        /// A connected, authenticated raw client. A keyless face profile answers ACK_UNAUTH and then serves commands
        /// without CMD_AUTH (ZMM220_TFT), so that answer counts as connected there.
        /// </summary>
        public static RawClient Client(DeviceEmulator e, EmulatorTransport transport = EmulatorTransport.Tcp)
        {
            var c = RawClient.Open(transport, e.Port);
            var reply = c.Connect();
            bool keylessUnauth =
                reply.Command == ZkSync.Protocol.Framing.ReplyCode.Unauthorized
                && e.Options.CommKey == 0
                && e.Profile.UnauthOnConnect;
            if (reply.Command != ZkSync.Protocol.Framing.ReplyCode.Ok && !keylessUnauth)
                throw new InvalidOperationException($"connect answered {reply}");
            return c;
        }
    }
}
