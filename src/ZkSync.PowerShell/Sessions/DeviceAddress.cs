using System;
using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;
using Microsoft.Extensions.Logging;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell
{
    /// <summary>
    /// What Connect-ZkDevice and Test-ZkDevice need to open a connection: address, transport, reply timeout and the
    /// comm key, given as a number or as the password of a PSCredential (so it can come from Get-Secret,
    /// Get-AutomationPSCredential or Get-Credential and never be written in a script).
    /// </summary>
    internal sealed class DeviceAddress
    {
        public string Host { get; set; } = "";
        public int Port { get; set; } = 4370;
        public ZkTransportKind Protocol { get; set; } = ZkTransportKind.Auto;
        public int CommKey { get; set; }
        public PSCredential? Credential { get; set; }
        public string Encoding { get; set; } = "utf-8";
        public int TimeoutSeconds { get; set; } = 5;
        public bool AllowTruncation { get; set; }

        public string Endpoint => $"{Host}:{Port}";

        /// <summary>"none" or "set": what -Verbose may say about the key.</summary>
        public string KeyDescription => Credential != null || CommKey != 0 ? "set" : "none";

        /// <summary>Connection options; an unusable credential password throws ArgumentException whose message never
        /// holds it.</summary>
        public ZkConnectionOptions Options(ILogger logger) =>
            new ZkConnectionOptions
            {
                Host = Host,
                Port = Port,
                Transport = Protocol,
                CommKey = Credential != null ? KeyOf(Credential) : (uint)CommKey,
                Encoding = Encoding,
                Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
                Truncation = AllowTruncation ? TruncationMode.Truncate : TruncationMode.Error,
                Logger = logger,
            };

        /// <summary>The comm key held as the credential's password: a number 0-999999 (the user name is not
        /// used).</summary>
        [SuppressMessage(
            "Usage",
            "CA2208",
            Justification = "ParamName names the cmdlet parameter the admin typed (-Credential), not this method's."
        )]
        public static uint KeyOf(PSCredential credential)
        {
            string password = credential.GetNetworkCredential().Password ?? "";
            if (password.Length == 0)
                return 0;
            if (
                password.Length > 6
                || !uint.TryParse(
                    password,
                    System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture,
                    out uint key
                )
                || key > CommKeyLimit
            )
                throw new ArgumentException(
                    $"The password of -Credential (user '{credential.UserName}') is not a comm key: it must be a "
                        + $"number from 0 to {CommKeyLimit}. Store the key the device shows under Comm Key as the "
                            + "secret's password.",
                    "Credential"
                );
            return key;
        }

        private const uint CommKeyLimit = ZkSync.Protocol.Codecs.CommKey.MaxKey;
    }
}
