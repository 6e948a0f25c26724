using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ZkSync.Bench.LinkFloor;
using ZkSync.Protocol.Bulk;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;

namespace ZkSync.Bench.Scenarios
{
    /// <summary>
    /// The admins' old hybrid sync (pyzk for users and fingerprints, fpmachine for faces and photos), request for
    /// request, on this client's framing and session: the reference for speed-ups. Two sessions per device, as the
    /// script had. Users and fingerprints: both tables of both devices in bulk, then per missing user set_user (8) and,
    /// with fingerprints, 1502, 1500, the one-user batch in 1,024-byte 1501 packets, 110, 1013. No disable, no
    /// verification. Faces and photos: the source's user list; per source user disable, get faces (150), enable, get
    /// photo (10010); the same four on the destination; per user that has neither there: set face = disable, 1500, the
    /// blob in one 1501, 119, 151, 1502, enable, 1013, and set photo = the same with 10009. No verification.
    /// </summary>
    internal static class HybridScript
    {
        /// <summary>pyzk's data packet size for uploads.</summary>
        private const int PyzkPacket = 1024;

        private static readonly byte[] BatchCommand = { 0x0C, 0, 0, 0, 0, 0, 0x08, 0 };

        public static async Task<ScenarioResult> RunAsync(
            string scenario,
            Rig rig,
            DeviceCensus census,
            EmulatorProcess source,
            EmulatorProcess destination,
            bool media = true
        )
        {
            int users = 0,
                faces = 0,
                photos = 0,
                failures = 0;
            long uploaded = 0;
            var measured = await Measurement
                .RunAsync(new[] { source, destination }, async () =>
                {
                    uploaded += await InSessionsAsync(source, destination, async (src, dst) =>
                            (users, failures) = await UsersAndFingerprintsAsync(src, dst).ConfigureAwait(false)
                        )
                        .ConfigureAwait(false);
                    if (media)
                        uploaded += await InSessionsAsync(source, destination, async (src, dst) =>
                                (faces, photos) = await FacesAndPhotosAsync(src, dst).ConfigureAwait(false)
                            )
                            .ConfigureAwait(false);
                })
                .ConfigureAwait(false);

            var sourceWork = census.ReadTables(new LinkWork()).ReadItems(media ? 2 * census.Users : 0);
            var destinationWork = new LinkWork().Upload(census.MinUserUploads + faces + photos, uploaded);
            destinationWork.Stores(census.Templates, faces + photos, census.Users);
            string outcome =
                $"{users} users written one at a time ({failures} refused); {faces} face sets, {photos} photos written";
            return new ScenarioResult(
                scenario,
                rig.Users,
                "off",
                measured,
                new[] { sourceWork, destinationWork },
                rig.Model,
                uploaded,
                outcome,
                users == census.Users && failures == 0 && (!media || faces + photos >= 2 * census.UsersWithFaces),
                RunShape.OneAtATime
            );
        }

        /// <summary>One session on each device for <paramref name="body"/> (the script's pyzk part, then its fpmachine
        /// part); the bytes uploaded.</summary>
        private static async Task<long> InSessionsAsync(
            EmulatorProcess source,
            EmulatorProcess destination,
            Func<ZkDeviceClient, ZkDeviceClient, Task> body
        )
        {
            using var src = await ZkDeviceClient.ConnectAsync(Rig.Connection(source)).ConfigureAwait(false);
            using var dst = await ZkDeviceClient.ConnectAsync(Rig.Connection(destination)).ConfigureAwait(false);
            await body(src, dst).ConfigureAwait(false);
            long uploaded = dst.Traffic.UploadedBytes;
            await src.CloseAsync().ConfigureAwait(false);
            await dst.CloseAsync().ConfigureAwait(false);
            return uploaded;
        }

        private static async Task<(int Users, int Failures)> UsersAndFingerprintsAsync(
            ZkDeviceClient src,
            ZkDeviceClient dst
        )
        {
            var list = await src.GetUsersAsync().ConfigureAwait(false);
            var fingers = (await src.GetFingerprintsAsync().ConfigureAwait(false)).ToLookup(f => f.UserId);
            var present = new HashSet<string>(
                (await dst.GetUsersAsync().ConfigureAwait(false)).Select(u => u.UserId),
                StringComparer.Ordinal
            );
            await dst.GetFingerprintsAsync().ConfigureAwait(false);
            var format = dst.Capabilities.UserFormat;
            int written = 0,
                failures = 0;
            foreach (var user in list.Where(u => !present.Contains(u.UserId)))
            {
                // The destination was empty, so the source's uid is free (the script picks a new one when it is taken).
                var record = UserRecordCodec.Encode(user, format, Encoding.ASCII, TruncationMode.Error);
                if (!Ok(await dst.RawRequestAsync(CommandCode.UserWrite, record).ConfigureAwait(false)))
                    failures++;
                written++;
                var templates = fingers[user.UserId].ToList();
                if (templates.Count == 0)
                    continue;
                var batch = new BatchUpload();
                batch.Users.Add(new BatchUserEntry(BatchOperation.AddOrOverwrite, record));
                foreach (var t in templates)
                    batch.Templates.Add(
                        new BatchTemplateEntry(
                            BatchOperation.AddOrOverwrite,
                            user.Uid,
                            (byte)(0x10 + t.FingerIndex),
                            t.Template
                        )
                    );
                var data = BatchUploadCodec.Encode(batch);
                await dst.RawRequestAsync(CommandCode.FreeData).ConfigureAwait(false);
                await dst.RawRequestAsync(CommandCode.PrepareData, BulkPayloads.PrepareData(data.Length))
                    .ConfigureAwait(false);
                for (int offset = 0; offset < data.Length; offset += PyzkPacket)
                    await dst.RawRequestAsync(CommandCode.Data, Slice(data, offset, PyzkPacket)).ConfigureAwait(false);
                var applied = await dst.RawRequestAsync(CommandCode.ApplyUploadBuffer, BatchCommand)
                    .ConfigureAwait(false);
                if (!Ok(applied))
                    failures++;
                await dst.RawRequestAsync(CommandCode.RefreshData).ConfigureAwait(false);
            }
            return (written, failures);
        }

        private static async Task<(int Faces, int Photos)> FacesAndPhotosAsync(ZkDeviceClient src, ZkDeviceClient dst)
        {
            var list = await src.GetUsersAsync().ConfigureAwait(false);
            var read = new List<(string UserId, IReadOnlyList<ZkFaceRecord> Faces, byte[]? Photo)>();
            foreach (var user in list) read.Add(await ReadMediaAsync(src, user.UserId).ConfigureAwait(false));
            var skip = new HashSet<string>(StringComparer.Ordinal);
            foreach (var user in list)
            {
                var there = await ReadMediaAsync(dst, user.UserId).ConfigureAwait(false);
                if (there.Faces.Count > 0 || there.Photo != null) skip.Add(user.UserId);
            }
            int faces = 0, photos = 0;
            foreach (var (userId, userFaces, photo) in read.Where(r => !skip.Contains(r.UserId)))
            {
                if (userFaces.Count > 0)
                {
                    var blob = FaceRecordCodec.EncodeBlob(userFaces);
                    if (
                        await SetWrappedAsync(
                                dst,
                                blob,
                                CommandCode.UserFaceWrite,
                                PinPayload.FaceRequest(userId, blob.Length)
                            )
                            .ConfigureAwait(false)
                    )
                        faces++;
                }
                if (
                    photo != null
                    && await SetWrappedAsync(dst, photo, CommandCode.UserPhotoWrite, PinPayload.PhotoWrite(userId))
                        .ConfigureAwait(false)
                )
                    photos++;
            }
            return (faces, photos);
        }

        /// <summary>Disable, get faces, enable, get photo: fpmachine's reads.</summary>
        private static async Task<(string UserId, IReadOnlyList<ZkFaceRecord> Faces, byte[]? Photo)> ReadMediaAsync(
            ZkDeviceClient device,
            string userId
        )
        {
            await device.RawRequestAsync(CommandCode.DisableDevice).ConfigureAwait(false);
            var faces = await device.GetFacesAsync(userId).ConfigureAwait(false);
            await device.RawRequestAsync(CommandCode.EnableDevice).ConfigureAwait(false);
            var photo = await device.GetPhotoAsync(userId).ConfigureAwait(false);
            return (userId, faces, photo);
        }

        /// <summary>fpmachine's set face / set photo: disable, 1500, the whole buffer in one 1501, 119, the command,
        /// 1502, enable, 1013.</summary>
        private static async Task<bool> SetWrappedAsync(ZkDeviceClient dst, byte[] data, ushort command, byte[] payload)
        {
            await dst.RawRequestAsync(CommandCode.DisableDevice).ConfigureAwait(false);
            await dst.RawRequestAsync(CommandCode.PrepareData, BulkPayloads.PrepareData(data.Length))
                .ConfigureAwait(false);
            await dst.RawRequestAsync(CommandCode.Data, data).ConfigureAwait(false);
            var hash = new byte[4];
            LittleEndian.Put(hash, 0, BufferHash.Compute(data));
            await dst.RawRequestAsync(CommandCode.HashData, hash).ConfigureAwait(false);
            bool ok = Ok(await dst.RawRequestAsync(command, payload).ConfigureAwait(false));
            await dst.RawRequestAsync(CommandCode.FreeData).ConfigureAwait(false);
            await dst.RawRequestAsync(CommandCode.EnableDevice).ConfigureAwait(false);
            await dst.RawRequestAsync(CommandCode.RefreshData).ConfigureAwait(false);
            return ok;
        }

        private static bool Ok(Packet reply) => reply.Command == ReplyCode.Ok;

        private static byte[] Slice(byte[] data, int offset, int max)
        {
            var part = new byte[Math.Min(max, data.Length - offset)];
            Buffer.BlockCopy(data, offset, part, 0, part.Length);
            return part;
        }
    }
}
