using System;
using System.Collections.Generic;
using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Health;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.PowerShell.Journal;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>
    /// Checks devices for monitoring, read-only: one ZkDeviceHealth per device (or, with -Quiet, only true or false),
    /// from open sessions or from addresses (a CSV inventory). An unreachable device or a rejected key is a finding of
    /// that device, never an error that stops the others.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "ZkDevice", DefaultParameterSetName = AddressSet)]
    [OutputType(typeof(ZkDeviceHealth), typeof(bool))]
    public sealed class TestZkDeviceCommand : ZkCmdlet, IJournaledCmdlet
    {
        private const string SessionSet = "Session";
        private const string AddressSet = "Address";
        private SyncHistoryIndex? _history;

        [Parameter(
            Mandatory = true,
            ParameterSetName = SessionSet,
            ValueFromPipeline = true,
            ValueFromPipelineByPropertyName = true
        )]
        [ValidateNotNull]
        public ZkSession? Session { get; set; }

        [Parameter(
            Mandatory = true,
            Position = 0,
            ParameterSetName = AddressSet,
            ValueFromPipelineByPropertyName = true
        )]
        [Alias("ComputerName", "Host", "HostName")]
        [ValidateNotNullOrEmpty]
        public string IPAddress { get; set; } = "";

        [Parameter(ParameterSetName = AddressSet, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, 65535)]
        public int Port { get; set; } = 4370;

        [Parameter(ParameterSetName = AddressSet, ValueFromPipelineByPropertyName = true)]
        public ZkTransportKind Protocol { get; set; } = ZkTransportKind.Auto;

        /// <summary>Bound from an inventory's CommKey column; prefer -Credential, which keeps the key out of files and
        /// scripts.</summary>
        [Parameter(ParameterSetName = AddressSet, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0, (int)ZkSync.Protocol.Codecs.CommKey.MaxKey)]
        public int CommKey { get; set; }

        /// <summary>The comm key as a credential's password (Get-Secret, Get-AutomationPSCredential,
        /// Get-Credential).</summary>
        [Parameter(ParameterSetName = AddressSet, ValueFromPipelineByPropertyName = true)]
        [System.Management.Automation.Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>Seconds to wait for each reply.</summary>
        [Parameter(ParameterSetName = AddressSet, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, 300)]
        public int Timeout { get; set; } = 5;

        /// <summary>A kind used at or above this percentage of its capacity makes the device unhealthy.</summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int CapacityWarningPercent { get; set; } = 90;

        /// <summary>A device clock further off than this many seconds makes the device unhealthy.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int MaxClockDriftSeconds { get; set; } = 60;

        /// <summary>The journal folder to read the last syncs from (default: $ZkSyncJournalPath, else the per-user data
        /// folder).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        /// <summary>Return only $true (healthy) or $false per device, as Test-Connection -Quiet does.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void ProcessRecord()
        {
            var limits = new HealthLimits
            {
                CapacityWarningPercent = CapacityWarningPercent,
                MaxClockDrift = TimeSpan.FromSeconds(MaxClockDriftSeconds),
            };
            var problems = new List<string>();
            ZkDeviceHealth health =
                ParameterSetName == SessionSet
                    ? TestSession(Session!, limits, problems)
                    : TestAddress(limits, problems);
            AddSyncHistory(health, problems);
            health.Problems = problems;
            foreach (string problem in problems)
                WriteVerbose($"{health.Device}: {problem}.");
            if (Quiet)
                WriteObject(health.Healthy);
            else
                WriteObject(health);
        }

        private ZkDeviceHealth TestSession(ZkSession session, HealthLimits limits, List<string> problems)
        {
            var health = new ZkDeviceHealth
            {
                Device = session.Device,
                Transport = session.Transport,
                SerialNumber = session.SerialNumber,
            };
            if (session.State == ZkSessionState.Closed)
            {
                problems.Add($"session {session.Id} is closed: run Connect-ZkDevice again");
                return health;
            }
            Probe(session.Client, health, limits, problems);
            return health;
        }

        private ZkDeviceHealth TestAddress(HealthLimits limits, List<string> problems)
        {
            var address = new DeviceAddress
            {
                Host = IPAddress,
                Port = Port,
                Protocol = Protocol,
                CommKey = CommKey,
                Credential = Credential,
                TimeoutSeconds = Timeout,
            };
            var health = new ZkDeviceHealth { Device = address.Endpoint };
            ZkDeviceClient? client = null;
            try
            {
                ZkConnectionOptions options = address.Options(State.Log);
                options.Validate();
                client = Run(ct => ZkDeviceClient.ConnectAsync(options, ct));
            }
            catch (Exception exception) when (!(exception is RuntimeException))
            {
                ThrowIfStopping(exception);
                Unconnected(exception, health, problems);
                return health;
            }
            using (client)
            {
                Probe(client, health, limits, problems);
                try
                {
                    Run(ct => client.CloseAsync(ct));
                }
                catch (Exception exception) when (!(exception is RuntimeException))
                {
                    // The findings stand; a goodbye the device did not answer changes none of them.
                    ThrowIfStopping(exception);
                    WriteVerbose($"{health.Device}: closing the test connection failed: {exception.Message}");
                }
            }
            return health;
        }

        private void Probe(ZkDeviceClient client, ZkDeviceHealth health, HealthLimits limits, List<string> problems)
        {
            health.Reachable = true;
            health.CommKeyAccepted = true;
            try
            {
                Run(ct => DeviceProbe.ReadAsync(client, health, limits, problems, ct));
            }
            catch (Exception exception) when (!(exception is RuntimeException))
            {
                ThrowIfStopping(exception);
                problems.Add("stopped answering during the check: " + exception.Message);
            }
        }

        /// <summary>A rejected key means the device answered; anything else (refused, timed out) means it did
        /// not.</summary>
        private static void Unconnected(Exception exception, ZkDeviceHealth health, List<string> problems)
        {
            Exception reason =
                exception is AggregateException aggregate && aggregate.InnerException != null
                    ? aggregate.InnerException
                    : exception;
            if (reason is ZkAuthenticationException)
            {
                health.Reachable = true;
                health.CommKeyAccepted = false;
                problems.Add("comm key rejected: " + reason.Message);
            }
            else if (reason is ArgumentException || reason is ZkInvalidDataException)
                problems.Add("cannot be tested: " + reason.Message);
            else
                problems.Add("unreachable: " + reason.Message);
        }

        private void AddSyncHistory(ZkDeviceHealth health, List<string> problems)
        {
            _history ??= new SyncHistoryIndex(Journal.Folder, (file, count) =>
                WriteWarning($"{file}: {count} line(s) are not journal records and were skipped.")
            );
            (health.LastSuccessfulSync, health.LastFailedSync) = _history.LastRuns(health.Device, health.SerialNumber);
            if (
                health.LastFailedSync != null
                && (health.LastSuccessfulSync == null || health.LastFailedSync > health.LastSuccessfulSync)
            )
                problems.Add(
                    $"the last sync to it failed ({health.LastFailedSync:yyyy-MM-dd HH:mm}): see Get-ZkSyncHistory "
                        + $"-Device {health.Device} -Status Failed"
                );
            if (_history.LeftDisabled(health.Device, health.SerialNumber) is var (time, reason))
                problems.Add($"the last sync to it ({time:yyyy-MM-dd HH:mm}) could not enable it again: {reason}");
        }
    }
}
