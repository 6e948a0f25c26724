using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ZkSync.Protocol.Bulk;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Framing;

namespace ZkSync.Protocol.Tests.Scripted
{
    /// <summary>
    /// Scripted device side of bulk transfers, firmware-style: 1503 → inline or announced buffer, 1504 → CMD_DATA or
    /// PREPARE_DATA + chunks + OK, 1500/1501/119 → an upload buffer with the reply-id rule, everything else OK.
    /// </summary>
    internal sealed class BufferDevice
    {
        private readonly int _dataChunk;
        private List<byte>? _upload;
        private int _uploadSize;
        private ushort _lastUploadReplyId;

        public BufferDevice(byte[] table, int dataChunk = 1024)
        {
            Table = table;
            _dataChunk = dataChunk;
        }

        public byte[] Table { get; set; }

        /// <summary>Announce this hash instead of the real one (to test the check).</summary>
        public uint? HashOverride { get; set; }

        public byte[]? Uploaded { get; private set; }

        /// <summary>A command answered with CMD_ACK_ERROR (to test a refused consume).</summary>
        public ushort? Refuse { get; set; }
        public List<string> Log { get; } = new List<string>();

        public async Task HandleAsync(Packet p, IPeerLink link)
        {
            lock (Log) Log.Add($"{p.Command}#{p.ReplyId}");
            switch (p.Command)
            {
                case CommandCode.Connect:
                    await link.SendAsync(Replies.Ok(p));
                    break;
                case CommandCode.PrepareBuffer:
                    if (Table.Length <= BulkPayloads.InlineLimit)
                        await link.SendAsync(Replies.To(p, CommandCode.Data, Table));
                    else
                        await link.SendAsync(
                            Replies.Ok(
                                p,
                                BulkPayloads.Announcement(Table.Length, HashOverride ?? BufferHash.Compute(Table))
                            )
                        );
                    break;
                case CommandCode.ReadBuffer:
                    int offset = (int)LittleEndian.U32(p.Payload, 0),
                        length = (int)LittleEndian.U32(p.Payload, 4);
                    var part = Table[offset..(offset + length)];
                    if (length <= BulkPayloads.InlineLimit)
                    {
                        await link.SendAsync(Replies.To(p, CommandCode.Data, part));
                        break;
                    }
                    await link.SendAsync(
                        Replies.To(p, CommandCode.PrepareData, BulkPayloads.PrepareData(length, _dataChunk))
                    );
                    ushort index = 0;
                    for (int o = 0; o < length; o += _dataChunk)
                        await link.SendAsync(
                            new Packet(CommandCode.Data, index++, p.ReplyId, part[o..Math.Min(length, o + _dataChunk)])
                        );
                    await link.SendAsync(Replies.Ok(p));
                    break;
                case CommandCode.PrepareData:
                    _uploadSize = (int)LittleEndian.U32(p.Payload, 0);
                    _upload = new List<byte>();
                    _lastUploadReplyId = p.ReplyId;
                    await link.SendAsync(Replies.Ok(p));
                    break;
                case CommandCode.Data:
                    // Firmware: previous + 1, computed without wrapping.
                    bool inOrder = p.ReplyId == _lastUploadReplyId + 1;
                    _lastUploadReplyId = p.ReplyId;
                    if (!inOrder || _upload == null || _upload.Count + p.Payload.Length > _uploadSize)
                    {
                        await link.SendAsync(Replies.To(p, ReplyCode.Error));
                        break;
                    }
                    _upload.AddRange(p.Payload);
                    await link.SendAsync(Replies.Ok(p));
                    break;
                case CommandCode.HashData:
                    var data = _upload?.ToArray() ?? Array.Empty<byte>();
                    bool match = p.Payload.Length == 4 && LittleEndian.U32(p.Payload, 0) == BufferHash.Compute(data);
                    await link.SendAsync(Replies.To(p, match ? ReplyCode.Ok : ReplyCode.Error));
                    break;
                case CommandCode.FreeData:
                    if (_upload != null) Uploaded = _upload.ToArray();
                    _upload = null;
                    await link.SendAsync(Replies.Ok(p));
                    break;
                case ReplyCode.Ok:
                    break;
                default:
                    await link.SendAsync(p.Command == Refuse ? Replies.To(p, ReplyCode.Error) : Replies.Ok(p));
                    break;
            }
        }
    }
}
