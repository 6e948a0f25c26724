using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ZkSync.Emulator.Core.Device;
using ZkSync.Protocol.Model;

namespace ZkSync.Emulator.Core.Persistence
{
    /// <summary>The device's storage as JSON (binary blobs base64): loaded at start when the file exists, written on
    /// stop.</summary>
    public static class StateFile
    {
        private const int FormatVersion = 1;
        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions { WriteIndented = false };

        public static void Save(string path, DeviceState state)
        {
            var dto = new StateDto
            {
                Version = FormatVersion,
                Profile = state.Profile.Name,
                UserRecordSize = state.Profile.UserRecordSize,
                ClockOffsetSeconds = (long)state.ClockOffset.TotalSeconds,
                Users = state.Users.Select(u => u.Record).ToList(),
                Templates = state
                    .Templates.Select(t => new TemplateDto
                    {
                        Uid = t.Uid,
                        Finger = t.Finger,
                        Flag = t.Flag,
                        Data = t.Data,
                    })
                    .ToList(),
                Faces = state
                    .AllFaces.Select(kv => new FacesDto { Uid = kv.Key, Records = kv.Value.ToList() })
                    .ToList(),
                Files = state.Photos.ToDictionary(kv => kv.Key, kv => kv.Value),
                Options = new Dictionary<string, string>(state.WrittenOptions),
                Attendance = state
                    .Attendance.Select(a => new AttendanceDto
                    {
                        Uid = a.Uid,
                        UserId = a.UserId,
                        Time = a.Timestamp,
                        Verify = a.VerifyMethod,
                        State = a.State,
                        WorkCode = a.WorkCode,
                    })
                    .ToList(),
            };
            string full = Path.GetFullPath(path);
            string? dir = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(dir))
                Directory.CreateDirectory(dir);
            // Write aside then move, so a crash mid-write never leaves half a device behind.
            string temp = full + ".tmp";
            File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(dto, Json));
            if (File.Exists(full))
                File.Delete(full);
            File.Move(temp, full);
        }

        public static DeviceState Load(string path, DeviceProfile profile)
        {
            StateDto dto;
            try
            {
                dto = JsonSerializer.Deserialize<StateDto>(File.ReadAllBytes(path), Json)
                    ?? throw new InvalidDataException("empty document");
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"State file '{path}' is not valid JSON: {ex.Message}", ex);
            }
            if (dto.Version != FormatVersion)
                throw new InvalidDataException(
                    $"State file '{path}' has format version {dto.Version}; expected {FormatVersion}."
                );
            if (dto.UserRecordSize != profile.UserRecordSize)
                throw new InvalidDataException(
                    $"State file '{path}' holds {dto.UserRecordSize}-byte users (profile {dto.Profile}); profile "
                        + $"{profile.Name} uses {profile.UserRecordSize}."
                );

            var state = new DeviceState(profile) { ClockOffset = TimeSpan.FromSeconds(dto.ClockOffsetSeconds) };
            foreach (var record in dto.Users)
                state.PutUser(new StoredUser(record, profile.UserFormat));
            foreach (var t in dto.Templates)
                state.PutTemplate(new StoredTemplate(t.Uid, t.Finger, t.Flag, t.Data));
            foreach (var f in dto.Faces)
                foreach (var r in f.Records)
                    state.UpsertFace(f.Uid, r);
            foreach (var kv in dto.Files)
                state.Photos[kv.Key] = kv.Value;
            foreach (var kv in dto.Options)
                state.WrittenOptions[kv.Key] = kv.Value;
            foreach (var a in dto.Attendance)
                state.Attendance.Add(
                    new ZkAttendanceRecord
                    {
                        Uid = a.Uid,
                        UserId = a.UserId,
                        Timestamp = a.Time,
                        VerifyMethod = a.Verify,
                        State = a.State,
                        WorkCode = a.WorkCode,
                    }
                );
            return state;
        }

        private sealed class StateDto
        {
            public int Version { get; set; }
            public string Profile { get; set; } = "";
            public int UserRecordSize { get; set; }
            public long ClockOffsetSeconds { get; set; }
            public List<byte[]> Users { get; set; } = new List<byte[]>();
            public List<TemplateDto> Templates { get; set; } = new List<TemplateDto>();
            public List<FacesDto> Faces { get; set; } = new List<FacesDto>();
            public Dictionary<string, byte[]> Files { get; set; } = new Dictionary<string, byte[]>();
            public Dictionary<string, string> Options { get; set; } = new Dictionary<string, string>();
            public List<AttendanceDto> Attendance { get; set; } = new List<AttendanceDto>();
        }

        private sealed class TemplateDto
        {
            public ushort Uid { get; set; }
            public byte Finger { get; set; }
            public byte Flag { get; set; }
            public byte[] Data { get; set; } = Array.Empty<byte>();
        }

        private sealed class FacesDto
        {
            public ushort Uid { get; set; }
            public List<byte[]> Records { get; set; } = new List<byte[]>();
        }

        private sealed class AttendanceDto
        {
            public ushort Uid { get; set; }
            public string UserId { get; set; } = "";
            public DateTime Time { get; set; }
            public byte Verify { get; set; }
            public byte State { get; set; }
            public uint WorkCode { get; set; }
        }
    }
}
