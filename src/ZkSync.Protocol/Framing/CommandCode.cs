namespace ZkSync.Protocol.Framing
{
    /// <summary>Command numbers a client sends (docs/protocol.md §3). Only the ones ZkSync or its emulator
    /// use.</summary>
    public static class CommandCode
    {
        public const ushort DbRead = 7;
        public const ushort UserWrite = 8;
        public const ushort UserTemplateRead = 9;
        public const ushort OptionsRead = 11;
        public const ushort OptionsWrite = 12;
        public const ushort AttLogRead = 13;
        public const ushort ClearData = 14;
        public const ushort ClearAttLog = 15;
        public const ushort DeleteUser = 18;
        public const ushort DeleteUserTemplate = 19;
        public const ushort ClearAdmin = 20;
        public const ushort Unlock = 31;
        public const ushort OpLogRead = 34;
        public const ushort GetFreeSizes = 50;
        public const ushort StartVerify = 60;
        public const ushort StartEnroll = 61;
        public const ushort CancelCapture = 62;
        public const ushort StateRead = 64;
        public const ushort WriteLcd = 66;
        public const ushort ClearLcd = 67;
        public const ushort GetPinWidth = 69;
        public const ushort DoorStateRead = 75;
        public const ushort UserTemplateExWrite = 87;
        public const ushort UserTemplateExRead = 88;

        /// <summary>
        /// Applies the buffer just uploaded (docs/protocol.md §4) as its u32 sub-type says: 12 a batch of users and
        /// templates, 1700 a file such as a user photo (others load firmware, fonts, options). Firmware calls it
        /// CMD_UPDATE_FIREWARE and pyzk _CMD_SAVE_USERTEMPS, each after the one use it had in mind.
        /// </summary>
        public const ushort ApplyUploadBuffer = 110;

        public const ushort HashData = 119;
        public const ushort SsrDeleteUser = 133;
        public const ushort SsrDeleteUserTemplate = 134;
        public const ushort UserFaceRead = 150;
        public const ushort UserFaceWrite = 151;
        public const ushort UserFaceDelete = 152;
        public const ushort GetTime = 201;
        public const ushort SetTime = 202;
        public const ushort RegisterEvent = 500;
        public const ushort Connect = 1000;
        public const ushort Exit = 1001;
        public const ushort EnableDevice = 1002;
        public const ushort DisableDevice = 1003;
        public const ushort Restart = 1004;
        public const ushort PowerOff = 1005;
        public const ushort RefreshData = 1013;
        public const ushort RefreshOption = 1014;
        public const ushort TestVoice = 1017;
        public const ushort GetVersion = 1100;
        public const ushort Auth = 1102;
        public const ushort PrepareData = 1500;
        public const ushort Data = 1501;
        public const ushort FreeData = 1502;
        public const ushort PrepareBuffer = 1503;
        public const ushort ReadBuffer = 1504;
        public const ushort ReadFile = 1702;
        public const ushort UserPhotoWrite = 10009;
        public const ushort UserPhotoRead = 10010;
        public const ushort UserPhotoDelete = 10011;

        /// <summary>Sub-type of command 110 for a batch of users and templates.</summary>
        public const uint UpdateSubtypeBatchUserData = 12;

        /// <summary>Sub-type of command 110 that writes the uploaded buffer to a named file (older TFT
        /// photos).</summary>
        public const uint UpdateSubtypeFile = 1700;
    }

    /// <summary>Reply codes a device sends.</summary>
    public static class ReplyCode
    {
        public const ushort Ok = 2000;
        public const ushort Error = 2001;
        public const ushort Data = 2002;
        public const ushort Retry = 2003;
        public const ushort Repeat = 2004;
        public const ushort Unauthorized = 2005;

        /// <summary>What 2025 ZAM70 firmware (SenseFace 3A, MB10-VL) answers CMD_CONNECT with (fananimi/pyzk#253); its
        /// handshake is not public.</summary>
        public const ushort NewFirmwareConnect = 6001;
        public const ushort NoPicture = 4985;
        public const ushort NoRecord = 4989;
        public const ushort NoFingerprint = 4991;
        public const ushort NoData = 4993;
        public const ushort UploadBufferEmpty = 4995;
        public const ushort OptionNotFound = 4999;
        public const ushort Unknown = 65535;

        public static bool IsOk(ushort code) => code == Ok;
    }

    /// <summary>Table numbers (FCT_*) used by bulk reads and CMD_CLEAR_DATA.</summary>
    public static class TableType
    {
        public const byte AttLog = 1;
        public const byte FingerTemplate = 2;
        public const byte OpLog = 4;
        public const byte User = 5;
        public const byte Face = 60;
    }
}
