using System;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell
{
    /// <summary>
    /// An emulator started by Start-ZkEmulator. IPAddress, Port and Protocol bind by property name to Connect-ZkDevice;
    /// the comm key deliberately has no property here, so it never flows down a pipeline: the admin passes -CommKey.
    /// </summary>
    public sealed class ZkEmulatorInfo
    {
        private bool _stopped;

        internal ZkEmulatorInfo(int id, DeviceEmulator emulator)
        {
            Id = id;
            Emulator = emulator;
            IPAddress = emulator.Host;
            Port = emulator.Port;
            Transport = emulator.Options.Transport;
            Profile = emulator.Options.Profile;
            Users = emulator.Options.Users;
            Seed = emulator.Options.Seed;
            StatePath = emulator.Options.StatePath;
            StartedAt = DateTime.Now;
        }

        public int Id { get; }
        public string IPAddress { get; }
        public int Port { get; }

        /// <summary>What Connect-ZkDevice should use: the emulator's only transport, or Auto when it serves
        /// both.</summary>
        public ZkTransportKind Protocol => Transport switch
        {
            EmulatorTransport.Tcp => ZkTransportKind.Tcp,
            EmulatorTransport.Udp => ZkTransportKind.Udp,
            _ => ZkTransportKind.Auto,
        };

        public EmulatorTransport Transport { get; }
        public string Profile { get; }

        /// <summary>Users seeded at start.</summary>
        public int Users { get; }

        public int Seed { get; }
        public string? StatePath { get; }
        public DateTime StartedAt { get; }
        public string State => _stopped ? "Stopped" : "Running";

        /// <summary>Sessions the emulated device holds open now (each client takes a slot until it
        /// disconnects).</summary>
        public int OpenSessions => _stopped ? 0 : Emulator.OpenSessions;

        /// <summary>True while a client keeps the emulated device disabled (keypad and sensors locked).</summary>
        public bool DeviceDisabled => !_stopped && Emulator.State.Disabled;

        /// <summary>"127.0.0.1:port", the same text sessions use for Device.</summary>
        public string Device => IPAddress + ":" + Port;

        /// <summary>Sessions clients ended politely with CMD_EXIT (what frees a terminal's session slot at
        /// once).</summary>
        public long SessionsEndedByExit => Emulator.Counters.Exits;

        /// <summary>Sessions whose client dropped the connection without CMD_EXIT: on a terminal each holds a slot
        /// until it is dropped.</summary>
        public long SessionsLeftWithoutExit => Emulator.Counters.LeftWithoutExit;

        /// <summary>
        /// Connections the emulator closed after its idle-timeout fault (-IdleTimeoutSeconds), as a NAT or firewall
        /// would.
        /// </summary>
        public long IdleCloses => Emulator.Counters.IdleCloses;

        /// <summary>A copy of the options the emulator runs with (what each Start-ZkEmulator parameter set).</summary>
        public EmulatorOptions Options => Emulator.Options.Clone();

        internal DeviceEmulator Emulator { get; }

        /// <summary>Stops serving and saves the state file, if any; a second call does nothing.</summary>
        internal void Stop(TimeSpan timeout)
        {
            if (_stopped) return;
            _stopped = true;
            try
            {
                if (!Emulator.StopAsync().Wait(timeout))
                    throw new TimeoutException($"Emulator {Device} did not stop within {timeout.TotalSeconds:0} s.");
            }
            finally
            {
                Emulator.Dispose();
            }
        }

        public override string ToString() => Device;
    }
}
