using ZkSync.Emulator.Core.Device;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Core.Commands
{
    /// <summary>
    /// Firmware's stores change at once on a write, but its matchers reload only on CMD_REFRESHDATA (1013) or a restart
    /// (docs/protocol.md §9: "reloads databases and fingerprint engine"). This keeps <see
    /// cref="DeviceState.RefreshPending"/> so a test or a rehearsal can see that a client left written data
    /// unrefreshed.
    /// </summary>
    internal static class RefreshTracker
    {
        public static void Observe(DeviceState state, ushort command, Reply reply)
        {
            if (!Succeeded(reply)) return;
            if (command == CommandCode.RefreshData) state.RefreshPending = false;
            else if (Changes(command)) state.RefreshPending = true;
        }

        private static bool Changes(ushort command)
        {
            switch (command)
            {
                case CommandCode.UserWrite:
                case CommandCode.DeleteUser:
                case CommandCode.SsrDeleteUser:
                case CommandCode.ClearData:
                case CommandCode.ClearAdmin:
                case CommandCode.ApplyUploadBuffer:
                case CommandCode.UserTemplateExWrite:
                case CommandCode.DeleteUserTemplate:
                case CommandCode.SsrDeleteUserTemplate:
                case CommandCode.UserFaceWrite:
                case CommandCode.UserFaceDelete:
                case CommandCode.UserPhotoWrite:
                case CommandCode.UserPhotoDelete:
                    return true;
                default:
                    return false;
            }
        }

        private static bool Succeeded(Reply reply) =>
            reply.Packets.Count > 0 && reply.Packets[reply.Packets.Count - 1].Command == ReplyCode.Ok;
    }
}
