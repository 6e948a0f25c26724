using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ZkSync.Protocol.Model;

namespace ZkSync.Emulator.Core.Device
{
    /// <summary>
    /// What kind of terminal is emulated: record formats, algorithms, capacities and the option table.
    /// tft = TFT firmware (72-byte users, 40-byte attendance, ZKFinger 10, no faces, photos through 110/1700 + 1702);
    /// bw = black-and-white firmware (28-byte numeric users, 8-byte attendance, ZKFinger 10, no faces or photos);
    /// face = a ZMM face terminal (tft + ZKFace 7, 92-byte free sizes, photos through 10009-10011, ZMM error codes).
    /// </summary>
    public sealed class DeviceProfile
    {
        private DeviceProfile() { }

        public string Name { get; private set; } = "";
        public UserRecordFormat UserFormat { get; private set; }
        public int UserRecordSize => (int)UserFormat;
        public bool NumericPins => UserFormat == UserRecordFormat.Compact28;

        /// <summary>40 on TFT firmware; 8 on black-and-white firmware (the form pyzk decodes for old devices,
        /// docs/protocol.md §8).</summary>
        public int AttendanceRecordSize { get; private set; }

        public int FingerprintVersion { get; private set; }

        /// <summary>Largest stored template: 602 bytes for ZKFinger 9, 1,664 for ZKFinger 10.</summary>
        public int MaxTemplateSize => FingerprintVersion == 9 ? 602 : 1664;

        public int FaceVersion { get; private set; }
        public bool FacesOn => FaceVersion > 0;
        public PhotoCommandFamily PhotoFamily { get; private set; }
        public bool PhotosOn => PhotoFamily != PhotoCommandFamily.None;

        /// <summary>ZMM firmware answers 4999 for an unknown option and 4993 for "no faces" where older firmware says
        /// 2001.</summary>
        public bool Zmm { get; private set; }

        /// <summary>CONNECT answered CMD_ACK_UNAUTH whatever the key (ZMM220_TFT); see <see
        /// cref="EmulatorOptions.UnauthOnConnect"/>.</summary>
        public bool UnauthOnConnect { get; private set; }

        public int PinWidth { get; private set; }
        public int UserCapacity
        {
            get => _userCapacityLimit ?? _userCapacity;
            private set => _userCapacity = value;
        }

        private int _userCapacity;
        private int? _userCapacityLimit;

        /// <summary>A "full" fault: the device acts as if its capacity were <paramref name="limit"/> users (null = its
        /// own).</summary>
        internal void LimitUserCapacity(int? limit) => _userCapacityLimit = limit;
        public int FingerprintCapacity { get; private set; }
        public int RecordCapacity { get; private set; }
        public int MaxFaceCount { get; private set; }
        public int FaceCapacity => FacesOn ? MaxFaceCount * 100 : 0;
        public int MaxPhotoBytes { get; private set; }

        public string Platform { get; private set; } = "";
        public string DeviceName { get; private set; } = "";
        public string FirmwareVersion { get; private set; } = "";
        public string SerialNumber { get; private set; } = "";

        /// <summary>Read-only options (CMD_OPTIONS_RRQ) the device knows, with their values.</summary>
        public IReadOnlyDictionary<string, string> Options => _options;

        private readonly Dictionary<string, string> _options = new Dictionary<string, string>(StringComparer.Ordinal);

        public static IReadOnlyList<string> Names { get; } = new[] { "tft", "bw", "face" };

        [SuppressMessage(
            "Usage",
            "CA2208",
            Justification = "ParamName names the option (Profile) that the command line turns into --profile in its "
                + "error."
        )]
        public static DeviceProfile Resolve(EmulatorOptions o)
        {
            string name = (o.Profile ?? "").Trim().ToLowerInvariant();
            var p = new DeviceProfile { Name = name, MaxPhotoBytes = o.MaxPhotoBytes };
            switch (name)
            {
                case "tft":
                    p.Set(
                        UserRecordFormat.Extended72,
                        40,
                        0,
                        PhotoCommandFamily.File,
                        zmm: false,
                        "ZEM600_TFT",
                        "K40",
                        "Ver 6.60 Jun 9 2017"
                    );
                    p.Capacities(10000, 20000, 200000, 0);
                    break;
                case "bw":
                    p.Set(
                        UserRecordFormat.Compact28,
                        8,
                        0,
                        PhotoCommandFamily.None,
                        zmm: false,
                        "ZEM510",
                        "K14",
                        "Ver 6.21 Nov 19 2008"
                    );
                    p.Capacities(3000, 6000, 100000, 0);
                    break;
                case "face":
                    p.Set(
                        UserRecordFormat.Extended72,
                        40,
                        7,
                        PhotoCommandFamily.Zmm,
                        zmm: true,
                        "ZMM220_TFT",
                        "iFace702",
                        "Ver 6.60 Apr 22 2016"
                    );
                    p.Capacities(10000, 20000, 200000, 7);
                    break;
                default:
                    throw new ArgumentException(
                        $"Unknown profile '{o.Profile}'; use one of: {string.Join(", ", Names)}.",
                        nameof(o.Profile)
                    );
            }
            p.UnauthOnConnect = o.UnauthOnConnect ?? name == "face";
            p.FingerprintVersion = o.FingerprintVersion ?? 10;
            if (o.FaceVersion is int fv)
                p.FaceVersion = fv;
            if (o.PhotoFamily is PhotoCommandFamily pf)
                p.PhotoFamily = pf;
            p.UserCapacity = o.UserCapacity ?? p.UserCapacity;
            p.FingerprintCapacity = o.FingerprintCapacity ?? p.FingerprintCapacity;
            p.RecordCapacity = o.RecordCapacity ?? p.RecordCapacity;
            p.MaxFaceCount = o.MaxFaceCount ?? (p.FacesOn && p.MaxFaceCount == 0 ? 7 : p.MaxFaceCount);
            p.SerialNumber = $"EMU{(uint)o.Seed:D8}{name.ToUpperInvariant()}";
            p.BuildOptions(o.Seed);
            return p;
        }

        /// <summary>
        /// Takes the identity and PIN width of a real device (from a backup), so a rehearsal copy reports what the
        /// original reported. Empty values keep the profile's.
        /// </summary>
        internal void AdoptIdentity(ZkDeviceInfo device)
        {
            SerialNumber = Or(device.SerialNumber, SerialNumber);
            DeviceName = Or(device.DeviceName, DeviceName);
            Platform = Or(device.Platform, Platform);
            FirmwareVersion = Or(device.FirmwareVersion, FirmwareVersion);
            if (device.Capabilities.PinWidth > 0)
                PinWidth = device.Capabilities.PinWidth;
            _options["~SerialNumber"] = SerialNumber;
            _options["~DeviceName"] = DeviceName;
            _options["~Platform"] = Platform;
            _options["~PIN2Width"] = PinWidth.ToString(CultureInfo.InvariantCulture);
            if (device.Mac.Length > 0)
                _options["MAC"] = device.Mac;
        }

        private static string Or(string value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value;

        private void Set(
            UserRecordFormat format,
            int attSize,
            int faceVersion,
            PhotoCommandFamily photos,
            bool zmm,
            string platform,
            string deviceName,
            string firmware
        )
        {
            UserFormat = format;
            AttendanceRecordSize = attSize;
            FaceVersion = faceVersion;
            PhotoFamily = photos;
            Zmm = zmm;
            Platform = platform;
            DeviceName = deviceName;
            FirmwareVersion = firmware;
            PinWidth = 9;
        }

        private void Capacities(int users, int fingers, int records, int maxFaceCount)
        {
            UserCapacity = users;
            FingerprintCapacity = fingers;
            RecordCapacity = records;
            MaxFaceCount = maxFaceCount;
        }

        private void BuildOptions(int seed)
        {
            _options["~SerialNumber"] = SerialNumber;
            _options["~DeviceName"] = DeviceName;
            _options["~Platform"] = Platform;
            _options["~OEMVendor"] = "ZKTeco Inc.";
            _options["~ProductTime"] = "2016-05-12 10:20:30";
            _options["MAC"] = $"00:17:61:{(seed >> 16) & 0xFF:X2}:{(seed >> 8) & 0xFF:X2}:{seed & 0xFF:X2}";
            _options["~ZKFPVersion"] = FingerprintVersion.ToString(CultureInfo.InvariantCulture);
            _options["FingerFunOn"] = "1";
            _options["~PIN2Width"] = PinWidth.ToString(CultureInfo.InvariantCulture);
            _options["~ExtendFmt"] = UserFormat == UserRecordFormat.Extended72 ? "1" : "0";
            _options["~UserExtFmt"] = UserFormat == UserRecordFormat.Extended72 ? "1" : "0";
            _options["CompatOldFirmware"] = "0";
            _options["IPAddress"] = "127.0.0.1";
            _options["NetMask"] = "255.0.0.0";
            _options["GATEIPAddress"] = "0.0.0.0";
            _options["~RFCardOn"] = "1";
            _options["WorkCode"] = "0";
            _options["Language"] = "69";
            _options["~MaxUserCount"] = (UserCapacity / 100).ToString(CultureInfo.InvariantCulture);
            _options["~MaxFingerCount"] = (FingerprintCapacity / 100).ToString(CultureInfo.InvariantCulture);
            _options["~MaxAttLogCount"] = (RecordCapacity / 10000).ToString(CultureInfo.InvariantCulture);
            // BiometricType digits: fingerprint, face, ... (SDK §5.2.19); only fingerprint and NIR face are emulated.
            _options["BiometricType"] = FacesOn ? "11" : "1";
            _options["PhotoFunOn"] = PhotosOn ? "1" : "0";
            if (FacesOn || Zmm)
            {
                _options["FaceFunOn"] = FacesOn ? "1" : "0";
                _options["ZKFaceVersion"] = FaceVersion.ToString(CultureInfo.InvariantCulture);
                _options["~MaxFaceCount"] = MaxFaceCount.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                // Non-face firmware answers these as off rather than unknown (pyzk reads FaceFunOn on every device).
                _options["FaceFunOn"] = "0";
            }
        }
    }
}
