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
    [Cmdlet(VerbsCommunications.Connect, "ZkDevice")]
    [OutputType(typeof(ZkSession))]
    public sealed class ConnectZkDeviceCommand : ZkCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ComputerName", "Host", "HostName")]
        [ValidateNotNullOrEmpty]
        public string IPAddress { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, 65535)]
        public int Port { get; set; } = 4370;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ZkTransportKind Protocol { get; set; } = ZkTransportKind.Auto;

        /// <summary>Deliberately not bound from the pipeline: a key should be typed or passed on purpose, never picked up from an object.</summary>
        [Parameter]
        [ValidateRange(0, (int)ZkSync.Protocol.Codecs.CommKey.MaxKey)]
        public int CommKey { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Encoding { get; set; } = "utf-8";

        /// <summary>Seconds to wait for each reply.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, 300)]
        public int Timeout { get; set; } = 5;

        [Parameter]
        public SwitchParameter AllowTruncation { get; set; }

        protected override void ProcessRecord()
        {
            var options = new ZkConnectionOptions
            {
                Host = IPAddress,
                Port = Port,
                Transport = Protocol,
                CommKey = (uint)CommKey,
                Encoding = Encoding,
                Timeout = TimeSpan.FromSeconds(Timeout),
                Truncation = AllowTruncation ? TruncationMode.Truncate : TruncationMode.Error,
                Logger = State.Log,
            };
            string endpoint = options.Endpoint;
            WriteVerbose($"Connecting to {endpoint} ({Protocol}, comm key {(CommKey == 0 ? "none" : "set")}, encoding {Encoding}).");

            ZkDeviceClient? client = null;
            bool connected = TryItem(endpoint, () =>
            {
                options.Validate();
                client = Run(ct => ZkDeviceClient.ConnectAsync(options, ct));
                ZkDeviceClient open = client;
                ZkDeviceInfo info = Run(ct => open.GetDeviceInfoAsync(ct));
                var session = new ZkSession(State.NextSessionId(), client, info);
                State.Add(session);
                WriteVerbose($"Session {session.Id}: {session.DeviceName} {session.SerialNumber} over {session.Transport}.");
                WriteObject(session);
            });
            if (!connected) client?.Dispose();
        }
    }
}
