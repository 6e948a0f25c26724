namespace ZkSync.Protocol.Tests.Vectors
{
    /// <summary>
    /// Bytes from public sources other than our code, each with its origin (docs/protocol.md §13). "Captured": a device
    /// frame whose checksum verifies. "Published": a record dump printed in a public protocol description.
    /// </summary>
    internal static class PublicVectors
    {
        // adrobinoga/zk-protocol (captures from an F19 TFT terminal), sections/data-user.md: USER_WRQ frame, captured.
        // uid 14, privilege 6, password "123456" + a stray 0x7C after its NUL, name "Nuevo", card 6543, group 1, user
        // id "11224488".
        public const string Z13UserWrite =
            "5050827d500000000800fc579d8a5c000e0006313233343536007c4e7565766f00000000000000000000000000000000"
                + "0000008f190000010000000000000000313132323434383800000000000000000000000000000000";

        // adrobinoga/zk-protocol sections/data-user.md: one 72-byte record of a user-table read, published. uid 13,
        // privilege 0, password "444" + junk after its NUL, name "Ned", card 222, group 2, time zones 01 00 01 00 02 00
        // 00 00, user id "555".
        public const string Z14User72 =
            "0d000034343400c69a807c4e6564000000000000000000000000000000000000000000de000000020100010002000000"
                + "353535000000000000000000000000000000000000000000";

        // fananimi/pyzk test.py test_tcp_get_users_broken_tcp, 70-user stream (record of uid 1), captured.
        public const string PyzkUid1Record72 =
            "01000e35313437393833004a6573757353616c6469766172000000000000000000000000000000010000000000000000"
                + "353134373938330000000000000000000000000000000000";

        // adrobinoga/zk-protocol sections/data-user.md: the first 24 bytes of a template-table entry, published.
        // entry size 1220, uid 14, finger 4, valid 1, template begins 4d fd "SS21".
        public const string Z15TemplateEntryStart = "c4040e0004014dfd53533231000004bebe0408050709ced0";

        // adrobinoga/zk-protocol sections/data-record.md: one 40-byte attendance record, published. uid 13, user id
        // "999111333", verify 1, time 0x2368B36B (2018-06-25 17:50:35), state 0, work code 0, reserved ff 00 00 00.
        public const string Z16Attendance40 =
            "0d00393939313131333333000000000000000000000000000000016bb368230000000000ff000000";

        // adrobinoga/zk-protocol sections/terminal.md: option read and its answer, captured (session 0x8DF3).
        public const string Z5ReadPlatform = "5050827d120000000b00b9e6f38d0c007e506c6174666f726d00";
        public const string Z6PlatformReply =
            "5050827d1d000000d007714cf38d0c007e506c6174666f726d3d5a454d3736305f54465400";
        public const string Z7ReadWorkCode = "5050827d110000000b0084c2f38d0b00576f726b436f646500";
        public const string Z8WorkCodeReply = "5050827d13000000d007828af38d0b00576f726b436f64653d3000";

        // adrobinoga/zk-protocol sections/terminal.md: OPTIONS_WRQ "LockOn=5", session 0xC584, reply 71, captured.
        public const string Z9WriteLockOn = "5050827d110000000c00ebbb84c547004c6f636b4f6e3d3500";

        // adrobinoga/zk-protocol protocol.md checksum example 2 (no TCP prefix): ACK_OK + one byte 09, the PIN width.
        public const string Z3PinWidthReply = "d007296af38d0a0009";

        // adrobinoga/zk-protocol protocol.md: EF_FPFTR event (session field 256), score 100, captured.
        public const string Z4FingerScoreEvent = "5050827d09000000f401a7fc0001000064";

        // adrobinoga/zk-protocol sections/realtime.md: EF_ATTLOG event with a 32-byte payload, captured.
        // user id "999111333", verify 1, state 0, 2018-06-25 17:41:05.
        public const string Z18AttendanceEvent32 =
            "5050827d28000000f401ac12010000003939393131313333330000000000000000000000000000000100120619112905";

        // fananimi/pyzk test.py test_tcp_live_connect: EF_ATTLOG event with a 12-byte payload. The test edited the TCP
        // length field to 1016; restored here to 20, the frame's real length (its checksum verifies). user id 4822257,
        // verify 0, state 0, 2018-12-07 19:09:06.
        public const string V27AttendanceEvent12 = "5050827d14000000f401ae4301000000f19449000000120c07130906";

        // fananimi/pyzk (zk/base.py HR_save_usertemplates + zk/user.py repack73), the buffer pyzk builds for one
        // 72-byte user (uid 1, privilege 14, password "123", name "Ann", card 5000, user id "1001") with the 4-byte
        // template deadbeef for finger 0. Computed with pyzk's own code, not by ours.
        public const string PyzkBatchUpload =
            "4900000008000000060000000201000e3132330000000000416e6e000000000000000000000000000000000000000000"
                + "8813000001000000000000000031303031000000000000000000000000000000000000000002010010000000000400de"
                + "adbeef";

        // fananimi/pyzk zk/base.py set_user, 28-byte payload of the same user (group 0), computed with pyzk's code.
        public const string PyzkUser28 = "01000e3132330000416e6e00000000008813000000000000e9030000";
    }
}
