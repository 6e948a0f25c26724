using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;

namespace ZkSync.Protocol.Session
{
    /// <summary>The errors of a CONNECT the device will not grant, each saying what happened and what the admin can
    /// do.</summary>
    internal static class SessionRefusal
    {
        /// <summary>Firmware that has no free slot may also just not answer; a timeout on CONNECT mentions
        /// it.</summary>
        public const string SilentConnectHint =
            "The device accepted the connection but did not answer CONNECT; if other programs are connected or "
                + "scripts ended without disconnecting, its session slots may all be taken: close other connections "
                    + "or wait a minute for the terminal to drop idle sessions, then connect again.";

        public static ZkSessionRefusedException SlotsFull(string device) =>
            new ZkSessionRefusedException(
                "The device refused a new session: all its session slots are taken (CONNECT answered ACK_ERROR). "
                    + "Sessions of programs that ended "
                    + "without disconnecting (no CMD_EXIT) hold their slot until the terminal drops them. Close other "
                        + "connections (Disconnect-ZkDevice, "
                    + "other tools), wait a minute for the terminal to drop idle sessions, or restart the terminal, "
                        + "then connect again.",
                ZkSessionRefusalReason.SlotsFull,
                device,
                CommandCode.Connect
            );

        public static ZkSessionRefusedException NewFirmwareHandshake(string device) =>
            new ZkSessionRefusedException(
                "The device answered CONNECT with 6001 and refused CMD_AUTH. 2025 ZAM70 firmware (SenseFace 3A, "
                    + "MB10-VL; fananimi/pyzk#253) answers "
                    + "this way: it no longer accepts the classic comm-key handshake, whatever the key. Check the "
                        + "terminal's Comm. > PC Connection settings "
                    + "(comm key, standalone SDK/pull mode enabled), or use its ADMS push protocol; this firmware's "
                        + "new handshake has no public description.",
                ZkSessionRefusalReason.NewFirmwareHandshake,
                device,
                CommandCode.Connect
            );
    }
}
