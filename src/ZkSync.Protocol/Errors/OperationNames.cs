using System.Collections.Generic;

namespace ZkSync.Protocol.Errors
{
    /// <summary>
    /// What an admin calls the operation a command number belongs to ("reading users", not "command 1503"). Errors are
    /// the lowest layer, so the numbers are those of Framing's CommandCode restated here (docs/protocol.md §3); the
    /// number itself stays on <see cref="ZkException.Command"/> for -Verbose/-Debug.
    /// </summary>
    public static class OperationNames
    {
        private static readonly Dictionary<ushort, string> Names = new Dictionary<ushort, string>
        {
            [7] = "reading device data",
            [8] = "writing a user",
            [9] = "reading a fingerprint",
            [11] = "reading a device option",
            [12] = "writing a device option",
            [13] = "reading attendance",
            [14] = "clearing data",
            [15] = "clearing attendance",
            [18] = "deleting a user",
            [19] = "deleting a fingerprint",
            [50] = "reading sizes and counts",
            [69] = "reading the user id width",
            [87] = "writing a fingerprint",
            [88] = "reading a fingerprint",
            [110] = "uploading users and templates",
            [119] = "checking data",
            [150] = "reading faces",
            [151] = "writing faces",
            [152] = "deleting faces",
            [201] = "reading the time",
            [202] = "setting the time",
            [500] = "registering for events",
            [1000] = "connecting",
            [1001] = "disconnecting",
            [1002] = "enabling the device",
            [1003] = "disabling the device",
            [1004] = "restarting the device",
            [1013] = "refreshing the device",
            [1100] = "reading the firmware version",
            [1102] = "authenticating with the comm key",
            [1500] = "preparing an upload",
            [1501] = "sending data",
            [1502] = "freeing the transfer buffer",
            [1503] = "preparing a bulk read",
            [1504] = "reading a bulk data chunk",
            [1702] = "reading a file",
            [10009] = "writing a photo",
            [10010] = "reading a photo",
            [10011] = "deleting a photo",
        };

        /// <summary>"reading users"-style name of <paramref name="command"/>, or "command N" for one without a
        /// name.</summary>
        public static string Of(ushort command) =>
            Names.TryGetValue(command, out string? name) ? name : $"command {command}";
    }
}
