using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using ZkSync.Protocol.Model;

namespace ZkSync.Sync
{
    /// <summary>
    /// Source media batches a destination still needs but nobody uses now, in a temporary file so a run's memory stays
    /// bounded while each batch is read from the source once. Faces are biometric data: every record is AES-256-CBC
    /// encrypted under a key that lives only in this object, and the file is deleted when closed (or by the OS when the
    /// process dies, where it supports delete-on-close).
    /// </summary>
    internal sealed class MediaSpillFile : IDisposable
    {
        private readonly FileStream _file;
        private readonly Aes _aes = Aes.Create();
        private readonly Dictionary<int, Record> _records = new Dictionary<int, Record>();

        private readonly struct Record
        {
            public Record(long offset, int length, byte[] iv, SyncDataKinds kinds)
            {
                Offset = offset;
                Length = length;
                Iv = iv;
                Kinds = kinds;
            }

            public long Offset { get; }
            public int Length { get; }
            public byte[] Iv { get; }
            public SyncDataKinds Kinds { get; }
        }

        public MediaSpillFile()
        {
            _aes.KeySize = 256;
            _aes.GenerateKey();
            string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "zksync-media-"
                + Guid.NewGuid().ToString("N") + ".tmp");
            _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
                FileOptions.DeleteOnClose);
        }

        /// <summary>Where the file is (deleted on close).</summary>
        public string Path => _file.Name;

        /// <summary>The file's bytes as stored (for tests: what a reader of the disk would see).</summary>
        internal byte[] StoredBytes()
        {
            var bytes = new byte[_file.Length];
            _file.Seek(0, SeekOrigin.Begin);
            int read = 0;
            while (read < bytes.Length) read += _file.Read(bytes, read, bytes.Length - read);
            return bytes;
        }

        public bool Holds(int batch) => _records.ContainsKey(batch);

        /// <summary>Stores a batch's <paramref name="kinds"/>; false if the file already holds at least those
        /// kinds.</summary>
        public bool Write(int batch, IReadOnlyList<string> ids, IReadOnlyDictionary<string, SourceMedia> media,
            SyncDataKinds kinds)
        {
            if (_records.TryGetValue(batch, out var old) && (old.Kinds & kinds) == kinds) return false;
            byte[] plain;
            using (var buffer = new MemoryStream())
            {
                using (var w = new BinaryWriter(buffer))
                {
                    foreach (var id in ids)
                    {
                        var m = media[id];
                        if (kinds.Has(SyncDataKinds.Faces))
                        {
                            WriteText(w, m.FacesError);
                            w.Write(m.Faces.Count);
                            foreach (var f in m.Faces) w.Write(f.Raw);
                        }
                        if (kinds.Has(SyncDataKinds.Photos))
                        {
                            WriteText(w, m.PhotoError);
                            w.Write(m.Photo?.Length ?? -1);
                            if (m.Photo != null) w.Write(m.Photo);
                        }
                    }
                }
                plain = buffer.ToArray();
            }
            _aes.GenerateIV();
            byte[] iv = _aes.IV;
            byte[] cipher;
            using (var encryptor = _aes.CreateEncryptor(_aes.Key, iv)) cipher = encryptor.TransformFinalBlock(plain, 0,
                plain.Length);
            long offset = _file.Seek(0, SeekOrigin.End);
            _file.Write(cipher, 0, cipher.Length);
            _records[batch] = new Record(offset, cipher.Length, iv, kinds);
            return true;
        }

        /// <summary>Fills <paramref name="media"/> with what the file holds of the batch; returns the kinds it held
        /// (none: not in the file).</summary>
        public SyncDataKinds Read(int batch, IReadOnlyList<string> ids, IReadOnlyDictionary<string, SourceMedia> media)
        {
            if (!_records.TryGetValue(batch, out var record)) return 0;
            var cipher = new byte[record.Length];
            _file.Seek(record.Offset, SeekOrigin.Begin);
            int read = 0;
            while (read < cipher.Length)
            {
                int n = _file.Read(cipher, read, cipher.Length - read);
                if (n == 0) throw new EndOfStreamException("The temporary media file is shorter than what was written "
                    + "to it.");
                read += n;
            }
            byte[] plain;
            using (var decryptor = _aes.CreateDecryptor(_aes.Key,
                record.Iv)) plain = decryptor.TransformFinalBlock(cipher, 0, cipher.Length);
            using var r = new BinaryReader(new MemoryStream(plain));
            foreach (var id in ids)
            {
                var m = media[id];
                if (record.Kinds.Has(SyncDataKinds.Faces))
                {
                    m.FacesError = ReadText(r);
                    var faces = new ZkFaceRecord[r.ReadInt32()];
                    for (int i = 0; i < faces.Length; i++)
                        faces[i] = new ZkFaceRecord(r.ReadBytes(ZkFaceRecord.RecordSize)) { UserId = id };
                    m.Faces = faces;
                }
                if (record.Kinds.Has(SyncDataKinds.Photos))
                {
                    m.PhotoError = ReadText(r);
                    int length = r.ReadInt32();
                    m.Photo = length < 0 ? null : r.ReadBytes(length);
                }
            }
            return record.Kinds;
        }

        public void Dispose()
        {
            _file.Dispose();
            _aes.Dispose();
        }

        private static void WriteText(BinaryWriter w, string? text)
        {
            w.Write(text != null);
            if (text != null) w.Write(text);
        }

        private static string? ReadText(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;
    }
}
