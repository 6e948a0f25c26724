using System;
using System.Collections.Generic;
using ZkSync.Emulator.Core.Device;
using ZkSync.Emulator.Core.Sessions;
using ZkSync.Protocol.Bulk;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Core.Commands
{
    /// <summary>One request being executed, with reply builders that echo its reply id as firmware does.</summary>
    internal sealed class CommandContext
    {
        internal CommandContext(
            ClientSession session,
            Packet request,
            DeviceState state,
            EmulatorOptions options,
            EmulatorLog log
        )
        {
            Session = session;
            Request = request;
            State = state;
            Options = options;
            Log = log;
        }

        public ClientSession Session { get; }
        public Packet Request { get; }
        public byte[] Payload => Request.Payload;
        public DeviceState State { get; }
        public DeviceProfile Profile => State.Profile;
        public EmulatorOptions Options { get; }
        public EmulatorLog Log { get; }

        /// <summary>For the device timing model: the table a bulk read prepared and its records, the records a write
        /// stored.</summary>
        public BulkTable TableRead { get; set; }

        public int TableRecords { get; set; }

        public int RecordsStored { get; set; }

        public Packet Packet(ushort code, byte[]? payload = null, ushort? sessionField = null) =>
            new Packet(code, sessionField ?? Session.Id, Request.ReplyId, payload);

        /// <summary>CMD_ACK_OK; header-only unless a payload is given (pyzk reads exactly 8 bytes for plain
        /// acks).</summary>
        public Reply Ok(byte[]? payload = null, ushort? sessionField = null) =>
            Reply.One(Packet(ReplyCode.Ok, payload, sessionField));

        /// <summary>CMD_ACK_ERROR; firmware puts a sub-code in the session field for some commands.</summary>
        public Reply Error(ushort? subCode = null) => Reply.One(Packet(ReplyCode.Error, null, subCode));

        /// <summary>Refusal logged with its reason (firmware gives none on the wire).</summary>
        public Reply Refuse(string why, ushort? subCode = null) => Refuse(why, ReplyCode.Error, subCode);

        public Reply Refuse(string why, ushort code, ushort? subCode)
        {
            Log.Add($"{Session}: command {Request.Command} refused: {why}");
            return Reply.One(Packet(code, null, subCode));
        }

        /// <summary>
        /// An upload firmware ACKs without storing: ACKed and dropped (logged), or refused with
        /// <see cref="EmulatorOptions.StrictRefusals"/>. The ACK of command 87 carries FDB_OK (0) as firmware's does.
        /// </summary>
        public Reply RefuseOrDrop(string why, ushort? subCode = null)
        {
            if (Options.StrictRefusals) return Refuse(why, subCode);
            Log.Add($"{Session}: command {Request.Command} ACKed and dropped (as firmware): {why}");
            return Ok(sessionField: Request.Command == CommandCode.UserTemplateExWrite ? (ushort?)0 : null);
        }

        public Reply Code(ushort code, ushort? sessionField = null) => Reply.One(Packet(code, null, sessionField));

        /// <summary>A buffer answered inline as one CMD_DATA (1503/1504 replies of at most 1,024 bytes).</summary>
        public Reply DirectData(byte[] data) => Reply.One(Packet(CommandCode.Data, data));

        /// <summary>
        /// Firmware SendLargeData: CMD_PREPARE_DATA [length][max chunk], CMD_DATA chunks with the chunk index in the
        /// session field, then a header-only CMD_ACK_OK. Its session field: TCP keeps the session id, UDP the last
        /// chunk index (S2 reuses its header buffer there).
        /// </summary>
        public Reply LargeData(byte[] data, int offset, int length)
        {
            int max = Session.MaxChunk;
            var packets = new List<Packet> { Packet(CommandCode.PrepareData, BulkPayloads.PrepareData(length, max)) };
            ushort index = 0;
            for (int o = 0; o < length; o += max, index++)
            {
                var chunk = new byte[Math.Min(max, length - o)];
                Buffer.BlockCopy(data, offset + o, chunk, 0, chunk.Length);
                packets.Add(Packet(CommandCode.Data, chunk, index));
            }
            ushort last = (ushort)(index == 0 ? 0 : index - 1);
            packets.Add(Packet(ReplyCode.Ok, null, Session.Transport == EmulatorTransport.Udp ? last : Session.Id));
            return new Reply(packets, isLargeData: true);
        }

        public Reply LargeData(byte[] data) => LargeData(data, 0, data.Length);
    }
}
