using System;
using ZkSync.Emulator.Core.Wire;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;

namespace ZkSync.Emulator.Core.Commands
{
    /// <summary>
    /// User photos "&lt;PIN2&gt;.jpg": ZMM family 10009 write / 10010 read / 10011 delete, and the older File family
    /// 110 sub-type 1700 write / 1702 read (docs/protocol.md §12).
    /// </summary>
    internal static class PhotoCommands
    {
        private const string DevicePrefix = "/mnt/mtdblock/";

        public static Reply ZmmWrite(CommandContext c)
        {
            if (c.Profile.PhotoFamily != PhotoCommandFamily.Zmm)
                return c.Code(ReplyCode.Unknown);
            string name = DeviceText.RequestName(c.Payload);
            var jpeg = UploadCommands.CompleteUpload(c, out var refusal);
            if (jpeg == null)
                return refusal!;
            string? pin = PinOf(name);
            if (pin == null || c.State.FindUserByPin(pin) == null)
                return c.Refuse($"photo name '{name}' is not '<PIN2>.jpg' of an existing user");
            var problem = CheckPhoto(c, jpeg);
            if (problem != null)
                return c.RefuseOrDrop(problem);
            c.State.Photos[name] = (byte[])jpeg.Clone();
            return c.Ok();
        }

        public static Reply ZmmRead(CommandContext c)
        {
            if (c.Profile.PhotoFamily != PhotoCommandFamily.Zmm)
                return c.Code(ReplyCode.Unknown);
            string name = DeviceText.RequestName(c.Payload);
            return c.State.Photos.TryGetValue(name, out var jpeg)
                ? c.LargeData(jpeg)
                : c.Refuse($"no photo '{name}'", ReplyCode.NoPicture, null);
        }

        public static Reply ZmmDelete(CommandContext c)
        {
            if (c.Profile.PhotoFamily != PhotoCommandFamily.Zmm)
                return c.Code(ReplyCode.Unknown);
            string name = DeviceText.RequestName(c.Payload);
            return c.State.Photos.Remove(name) ? c.Ok() : c.Refuse($"no photo '{name}'", ReplyCode.NoPicture, null);
        }

        /// <summary>110 / 1700: writes the uploaded buffer under the name at offset 4 (sub-codes: 1 empty, 4 write
        /// failed).</summary>
        public static Reply FileWrite(CommandContext c)
        {
            if (c.Profile.PhotoFamily != PhotoCommandFamily.File)
                return c.Refuse("file upload (110/1700) is not supported on this profile", 5);
            string name = Normalize(DeviceText.RequestName(c.Payload, 4));
            var data = UploadCommands.CompleteUpload(c, out var refusal, 1);
            if (data == null)
                return refusal!;
            if (name.Length == 0)
                return c.Refuse("file upload without a name", 4);
            if (name.Contains(".jpg"))
            {
                var problem = CheckPhoto(c, data);
                if (problem != null)
                    return c.RefuseOrDrop(problem, 4);
            }
            c.State.Photos[name] = (byte[])data.Clone();
            return c.Ok();
        }

        /// <summary>1702: the file as a large-data reply; tried as given and under the device's data folders.</summary>
        public static Reply ReadFile(CommandContext c)
        {
            string name = Normalize(DeviceText.RequestName(c.Payload));
            foreach (var candidate in new[] { name, StripFolder(name, "photo/"), StripFolder(name, "data/") })
                if (c.State.Photos.TryGetValue(candidate, out var data) && data.Length > 0) return c.LargeData(data);
            return c.Refuse($"no file '{name}'");
        }

        /// <summary>Strict deviation: firmware stores any bytes; the emulator takes only a whole JPEG within the photo
        /// limit.</summary>
        private static string? CheckPhoto(CommandContext c, byte[] data)
        {
            if (data.Length > c.Profile.MaxPhotoBytes)
                return $"photo of {data.Length} bytes exceeds {c.Profile.MaxPhotoBytes}";
            bool jpeg =
                data.Length >= 4
                && data[0] == 0xFF
                && data[1] == 0xD8
                && data[data.Length - 2] == 0xFF
                && data[data.Length - 1] == 0xD9;
            return jpeg ? null : "photo is not a JPEG (must start FF D8 and end FF D9)";
        }

        private static string? PinOf(string name) =>
            name.EndsWith(".jpg", StringComparison.Ordinal) && name.Length > 4
                ? name.Substring(0, name.Length - 4)
                : null;

        private static string Normalize(string name) =>
            name.StartsWith(DevicePrefix, StringComparison.Ordinal) ? name.Substring(DevicePrefix.Length) : name;

        private static string StripFolder(string name, string folder) =>
            name.StartsWith(folder, StringComparison.Ordinal) ? name.Substring(folder.Length) : name;
    }
}
