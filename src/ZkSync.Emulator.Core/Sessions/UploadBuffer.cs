using System;

namespace ZkSync.Emulator.Core.Sessions
{
    /// <summary>A client-to-device transfer: CMD_PREPARE_DATA allocates the declared size, CMD_DATA packets fill it in
    /// order.</summary>
    internal sealed class UploadBuffer
    {
        public UploadBuffer(int size, ushort prepareReplyId)
        {
            Data = new byte[size];
            LastReplyId = prepareReplyId;
        }

        public byte[] Data { get; }
        public int Filled { get; private set; }
        public bool IsComplete => Filled == Data.Length;

        /// <summary>Reply id of the CMD_PREPARE_DATA or of the last accepted CMD_DATA.</summary>
        public ushort LastReplyId { get; private set; }

        /// <summary>Fault injection: the second half of what arrived is lost, so the buffer is partial as a damaged
        /// transfer leaves it.</summary>
        public void LoseTail() => Filled /= 2;

        /// <summary>Appends a CMD_DATA payload. Firmware takes it only with reply id = previous + 1 (no wrap) and
        /// without overflow.</summary>
        public bool TryAppend(byte[] payload, ushort replyId, out string? why)
        {
            if (replyId != LastReplyId + 1)
            {
                why = $"CMD_DATA reply id {replyId} is not {LastReplyId} + 1";
                return false;
            }
            if (Filled + payload.Length > Data.Length)
            {
                why = $"CMD_DATA of {payload.Length} bytes overflows the {Data.Length}-byte buffer ({Filled} filled)";
                return false;
            }
            Buffer.BlockCopy(payload, 0, Data, Filled, payload.Length);
            Filled += payload.Length;
            LastReplyId = replyId;
            why = null;
            return true;
        }
    }
}
