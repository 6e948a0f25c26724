using System;
using ZkSync.Emulator.Core.Device;
using ZkSync.Emulator.Core.Wire;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Core.Commands
{
    /// <summary>Faces of ZKFace 7: 150 read all of a user's records, 151 write after an upload, 152 delete all
    /// (docs/protocol.md §11).</summary>
    internal static class FaceCommands
    {
        /// <summary>Index ≥ 15 means "all" (SDK sends 50); a smaller index is refused: there is no single-face
        /// read.</summary>
        private const int FirstAllIndex = 15;

        /// <summary>The by-PIN2 request: char[24] PIN2, a zero byte, index 50, u16 blob length.</summary>
        private const int FaceRequestSize = 28;

        public static Reply Read(CommandContext c)
        {
            if (!c.Profile.FacesOn) return c.Refuse("FaceFunOn=0");
            StoredUser? user;
            int index;
            if (c.Payload.Length == FaceRequestSize)
            {
                user = c.State.FindUserByPin(DeviceText.RequestPin(c.Payload));
                index = c.Payload[25];
            }
            else if (c.Payload.Length == 3)
            {
                // The [u16 uid][u8 index] form some clients use on DG288 / iFace 702.
                user = c.State.FindUser(LittleEndian.U16(c.Payload, 0));
                index = c.Payload[2];
            }
            else
            {
                // S2 quirk: other payload sizes get a bare OK without data.
                c.Log.Add(
                    $"{c.Session}: face read payload of {c.Payload.Length} bytes answered with a bare OK (firmware "
                        + "quirk)"
                );
                return c.Ok();
            }
            if (index < FirstAllIndex)
                return c.Refuse($"face index {index} < {FirstAllIndex} (no single-face read)");
            var faces = user == null ? Array.Empty<byte[]>() : c.State.FacesOf(user.Uid);
            if (faces.Count == 0)
                return c.Refuse(user == null ? "no such user" : $"user '{user.Pin2}' has no faces", NoFaces(c), null);
            var blob = new byte[faces.Count * DeviceFaceRecord.Size];
            for (int i = 0; i < faces.Count; i++)
                Buffer.BlockCopy(faces[i], 0, blob, i * DeviceFaceRecord.Size, DeviceFaceRecord.Size);
            return c.LargeData(blob);
        }

        /// <summary>
        /// Every record of the upload (declared length / 2576) gets the target user's uid written into it and replaces
        /// the record with the same FaceID, or is appended. A user without faces is refused when the face capacity is
        /// used up.
        /// </summary>
        public static Reply Write(CommandContext c)
        {
            if (!c.Profile.FacesOn)
                return c.Refuse("FaceFunOn=0");
            if (c.Payload.Length < DeviceUserRecord.Pin2Width)
                return c.Refuse($"face write payload of {c.Payload.Length} bytes");
            string pin = DeviceText.RequestPin(c.Payload);
            var user = c.State.FindUserByPin(pin);
            if (user == null)
                return c.Refuse($"no user with PIN2 '{pin}'");
            var data = UploadCommands.CompleteUpload(c, out var refusal);
            if (data == null)
                return refusal!;
            if (c.Payload.Length >= FaceRequestSize && LittleEndian.U16(c.Payload, 26) != (ushort)data.Length)
                return c.Refuse(
                    $"face write declares {LittleEndian.U16(c.Payload, 26)} bytes but {data.Length} were uploaded"
                );
            int records = data.Length / DeviceFaceRecord.Size;
            if (records == 0)
            {
                // S2: an empty buffer is answered OK with session field 1.
                c.Log.Add($"{c.Session}: face write of {data.Length} bytes holds no whole record");
                return c.Ok(sessionField: 1);
            }
            if (data.Length % DeviceFaceRecord.Size != 0)
                c.Log.Add($"{c.Session}: face write ignores {data.Length % DeviceFaceRecord.Size} trailing bytes");
            // Refused in every mode: FW commu.c 1141-1145 refuses a new face user beyond ~MaxFaceCount.
            if (c.State.FacesOf(user.Uid).Count == 0 && c.State.UsersWithFaces >= c.Profile.FaceCapacity)
                return c.Refuse($"face capacity {c.Profile.FaceCapacity} users reached");
            for (int i = 0; i < records; i++)
            {
                var record = new byte[DeviceFaceRecord.Size];
                Buffer.BlockCopy(data, i * DeviceFaceRecord.Size, record, 0, record.Length);
                c.State.UpsertFace(user.Uid, DeviceFaceRecord.OwnedBy(record, user.Uid));
            }
            return c.Ok();
        }

        /// <summary>OK also when the user had no faces; error with session field 2 when the PIN2 is unknown.</summary>
        public static Reply Delete(CommandContext c)
        {
            if (!c.Profile.FacesOn) return c.Refuse("FaceFunOn=0");
            string pin = DeviceText.RequestPin(c.Payload);
            var user = c.State.FindUserByPin(pin);
            if (user == null) return c.Refuse($"no user with PIN2 '{pin}'", 2);
            c.State.DeleteFaces(user.Uid);
            return c.Ok();
        }

        private static ushort NoFaces(CommandContext c) => c.Profile.Zmm ? ReplyCode.NoData : ReplyCode.Error;
    }
}
