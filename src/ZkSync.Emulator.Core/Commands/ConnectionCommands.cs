using ZkSync.Emulator.Core.Wire;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Core.Commands
{
    /// <summary>CMD_AUTH and CMD_EXIT (CMD_CONNECT lives in the pipeline: it creates the session).</summary>
    internal static class ConnectionCommands
    {
        /// <summary>Firmware CheckCommKey: byte 2 carries the client's ticks, bytes 0, 1, 3 must match the key mixed
        /// with the session id.</summary>
        public static Reply Auth(CommandContext c)
        {
            if (c.Options.AnswerConnectWith6001)
            {
                // The classic key no longer opens a 2025 ZAM70 device, whatever its value (pyzk#253).
                c.Log.Add($"{c.Session}: CMD_AUTH refused: this device answers CONNECT with 6001");
                return c.Code(ReplyCode.Unauthorized);
            }
            if (c.Options.CommKey == 0 || DeviceCommKey.Accepts(c.Payload, c.Options.CommKey, c.Session.Id))
            {
                c.Session.Authenticated = true;
                return c.Ok();
            }
            c.Session.Authenticated = false;
            c.Log.Add($"{c.Session}: CMD_AUTH with a wrong comm key");
            return c.Code(ReplyCode.Unauthorized);
        }

        public static Reply Exit(CommandContext c) => Reply.One(c.Packet(ReplyCode.Ok), AfterReply.CloseSession);
    }
}
