using System;
using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Opens a session with a device, makes it the runspace's current session and returns it.</summary>
    [Cmdlet(VerbsCommunications.Connect, "ZkDevice", DefaultParameterSetName = CommKeySet)]
    [OutputType(typeof(ZkSession))]
    public sealed class ConnectZkDeviceCommand : ZkCmdlet
    {
        private const string CommKeySet = "CommKey";
        private const string CredentialSet = "Credential";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ComputerName", "Host", "HostName")]
        [ValidateNotNullOrEmpty]
        public string IPAddress { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, 65535)]
        public int Port { get; set; } = 4370;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ZkTransportKind Protocol { get; set; } = ZkTransportKind.Auto;

        /// <summary>
        /// Deliberately not bound from the pipeline: a key should be typed or passed on purpose, never picked up from
        /// an object (an inventory names it instead: -CredentialName).
        /// </summary>
        [Parameter(ParameterSetName = CommKeySet)]
        [ValidateRange(0, (int)ZkSync.Protocol.Codecs.CommKey.MaxKey)]
        public int CommKey { get; set; }

        /// <summary>The comm key as a credential's password (Get-Secret, Get-AutomationPSCredential, Get-Credential);
        /// the user name is not used.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        [System.Management.Automation.Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>
        /// The name of a credential whose password is the comm key, looked up with Get-AutomationPSCredential (Azure
        /// Automation) or Get-Secret (SecretManagement), whichever is loaded: an inventory names keys, never holds
        /// them.
        /// In every parameter set, so a row that carries both a CredentialName and a Credential binds; -Credential
        /// wins.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? CredentialName { get; set; }

        /// <summary>Display name of the device (an inventory's Name or DisplayName column): results, summaries,
        /// progress and the journal show it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("DisplayName")]
        public string? Name { get; set; }

        /// <summary>The site the device is at (an inventory's Site column), kept on the session for grouping; not part
        /// of its name.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Site { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Encoding { get; set; } = "utf-8";

        /// <summary>Seconds to wait for a reply before giving up; UDP re-sends come earlier, on a timer learned from
        /// replies.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, 300)]
        public int Timeout { get; set; } = 5;

        [Parameter]
        public SwitchParameter AllowTruncation { get; set; }

        protected override void ProcessRecord()
        {
            PSCredential? credential = Credential;
            if (credential == null && !string.IsNullOrWhiteSpace(CredentialName)
                && !TryItem(IPAddress, () => credential = CredentialStore.Find(InvokeCommand,
                    CredentialName!.Trim()))) return;
            var address = new DeviceAddress
            {
                Host = IPAddress,
                Port = Port,
                Protocol = Protocol,
                CommKey = CommKey,
                Credential = credential,
                Encoding = Encoding,
                TimeoutSeconds = Timeout,
                AllowTruncation = AllowTruncation,
            };
            string endpoint = address.Endpoint;
            WriteVerbose(
                $"Connecting to {endpoint} ({Protocol}, comm key {address.KeyDescription}, encoding {Encoding})."
            );

            ZkDeviceClient? client = null;
            bool connected = TryItem(endpoint, () =>
            {
                ZkConnectionOptions options = address.Options(State.Log);
                options.Validate();
                client = Run(ct => ZkDeviceClient.ConnectAsync(options, ct));
                ZkDeviceClient open = client;
                ZkDeviceInfo info = Run(ct => open.GetDeviceInfoAsync(ct));
                var session = new ZkSession(State.NextSessionId(), client, info, Name, Site);
                State.Add(session);
                WriteVerbose(
                    $"Session {session.Id}: {session.DeviceName} {session.SerialNumber} over {session.Transport}."
                );
                WriteObject(session);
            });
            if (!connected)
                client?.Dispose();
        }
    }
}
