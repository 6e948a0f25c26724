using System;
using ZkSync.Emulator.Core;

namespace ZkSync.Emulator.Host
{
    /// <summary>The fault-injection arguments of the host; they fill <see cref="EmulatorOptions.Faults"/>.</summary>
    internal static class FaultArguments
    {
        /// <summary>False with <paramref name="error"/> for a bad value; <paramref name="known"/> false when the name
        /// is not a fault argument.</summary>
        public static bool TryParse(string name, string value, EmulatorOptions o, out bool known, out string? error)
        {
            known = true;
            error = null;
            var f = o.Faults ??= new FaultOptions();
            int n;
            switch (name)
            {
                case "--drop-rate":
                    if (!CommandLine.Real(name, value, 0, 1, out double rate, out error))
                        return false;
                    f.UdpDropRate = rate;
                    return true;
                case "--fault-seed":
                    if (!CommandLine.Int(name, value, int.MinValue, int.MaxValue, out n, out error))
                        return false;
                    f.Seed = n;
                    return true;
                case "--reset-after-requests":
                    if (!Count(name, value, out n, out error))
                        return false;
                    f.ResetAfterRequests = n;
                    return true;
                case "--reset-after-reply-packets":
                    if (!CommandLine.Int(name, value, 0, int.MaxValue, out n, out error))
                        return false;
                    f.ResetAfterReplyDataPackets = n;
                    return true;
                case "--reset-after-upload-packets":
                    if (!Count(name, value, out n, out error))
                        return false;
                    f.ResetAfterUploadDataPackets = n;
                    return true;
                case "--delay-reply-after":
                    if (!Count(name, value, out n, out error))
                        return false;
                    f.DelayReplyAfterRequests = n;
                    return true;
                case "--reply-delay-ms":
                    if (!CommandLine.Int(name, value, 0, 600000, out n, out error))
                        return false;
                    f.ReplyDelay = TimeSpan.FromMilliseconds(n);
                    return true;
                case "--error-command":
                    if (!CommandLine.Int(name, value, 0, 65535, out n, out error))
                        return false;
                    f.ErrorCommand = (ushort)n;
                    return true;
                case "--damage-upload-of":
                    if (!CommandLine.Int(name, value, 0, 65535, out n, out error))
                        return false;
                    f.DamageUploadOf = (ushort)n;
                    return true;
                case "--ack-drop-command":
                    if (!CommandLine.Int(name, value, 0, 65535, out n, out error))
                        return false;
                    f.AckAndDropCommand = (ushort)n;
                    return true;
                case "--ack-drop-occurrence":
                    if (!Count(name, value, out n, out error))
                        return false;
                    f.AckAndDropOccurrence = n;
                    return true;
                case "--ack-drop-after-command":
                    if (!CommandLine.Int(name, value, 0, 65535, out n, out error))
                        return false;
                    f.AckAndDropAfterCommand = (ushort)n;
                    return true;
                case "--full-at-users":
                    if (!CommandLine.Int(name, value, 0, 65534, out n, out error))
                        return false;
                    f.FullAtUsers = n;
                    return true;
                case "--hang-after-requests":
                    if (!Count(name, value, out n, out error))
                        return false;
                    f.HangAfterRequests = n;
                    return true;
                case "--drop-reply-to-command":
                    if (!CommandLine.Int(name, value, 0, 65535, out n, out error))
                        return false;
                    f.DropReplyToCommand = (ushort)n;
                    return true;
                case "--restart-after-requests":
                    if (!Count(name, value, out n, out error))
                        return false;
                    f.RestartAfterRequests = n;
                    return true;
                default:
                    known = false;
                    return true;
            }
        }

        private static bool Count(string name, string value, out int n, out string? error) =>
            CommandLine.Int(name, value, 1, int.MaxValue, out n, out error);
    }
}
