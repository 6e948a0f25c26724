using System;
using System.Collections.Generic;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;

namespace ZkSync.FaultCampaign.Core
{
    /// <summary>One kind of fault: how to arm it on a destination for one run (from the run's random and the fault-free
    /// request count).</summary>
    public sealed class FaultKind
    {
        public FaultKind(
            string name,
            ZkTransportKind transport,
            Func<Random, int, FaultOptions> arm,
            Action<EmulatorOptions>? device = null
        )
        {
            Name = name;
            Transport = transport;
            Arm = arm;
            Device = device;
        }

        public string Name { get; }
        public ZkTransportKind Transport { get; }

        /// <summary>
        /// How the faulty destination differs from a default one for the whole run (session behaviours: device
        /// settings, not triggers); null = not at all.
        /// </summary>
        public Action<EmulatorOptions>? Device { get; private set; }

        /// <summary>When set, this kind runs against its own source device set up so (the shared one keeps the
        /// defaults).</summary>
        public Action<EmulatorOptions>? Source { get; private set; }

        /// <summary>Destinations written one at a time (-ThrottleLimit 1): the second waits, idle, for the
        /// first.</summary>
        public bool OneAtATime { get; private set; }

        /// <summary>Something that holds the destination's session slots during the faulty sync; disposing it clears
        /// the fault.</summary>
        public Func<DeviceEmulator, System.Threading.Tasks.Task<IDisposable>>? Occupy { get; private set; }

        /// <summary>(run random, requests a fault-free sync sends) → the faults of this run.</summary>
        public Func<Random, int, FaultOptions> Arm { get; }

        /// <summary>
        /// Uploads firmware ACKs and drops when damaged: the batch (110), a face (151) and a photo (10009); a user
        /// whose face or photo did not hold stays a disabled placeholder.
        /// </summary>
        private static readonly ushort[] DroppableUploads =
        {
            CommandCode.ApplyUploadBuffer,
            CommandCode.UserFaceWrite,
            CommandCode.UserPhotoWrite,
        };

        /// <summary>Reply delay of the delay fault: well beyond <see
        /// cref="CampaignOptions.DestinationTimeout"/>.</summary>
        public static TimeSpan Delay(CampaignOptions o) =>
            o.DestinationTimeout + o.DestinationTimeout + TimeSpan.FromMilliseconds(500);

        public static IReadOnlyList<FaultKind> All(CampaignOptions o) =>
            new[]
            {
                new FaultKind("udp drop 1%", ZkTransportKind.Udp, (r, _) =>
                    new FaultOptions { UdpDropRate = 0.01, Seed = r.Next() }
                ),
                // Issue 24: a lossy Wi-Fi or VPN link; requests, replies and chunks of data streams all lose datagrams.
                new FaultKind("udp drop 5%", ZkTransportKind.Udp, (r, _) =>
                    new FaultOptions { UdpDropRate = 0.05, Seed = r.Next() }
                ),
                new FaultKind("udp lost write reply", ZkTransportKind.Udp, (r, _) =>
                    new FaultOptions
                    {
                        DropReplyToCommand = r.Next(2) == 0 ? CommandCode.ApplyUploadBuffer : CommandCode.UserFaceWrite,
                    }
                ),
                new FaultKind("tcp reset after N", ZkTransportKind.Tcp, (r, n) =>
                    new FaultOptions { ResetAfterRequests = r.Next(1, n + 1) }
                ),
                new FaultKind("tcp reset mid reply", ZkTransportKind.Tcp, (r, _) =>
                    new FaultOptions { ResetAfterReplyDataPackets = 0 }
                ),
                new FaultKind("tcp reset mid upload", ZkTransportKind.Tcp, (r, _) =>
                    new FaultOptions { ResetAfterUploadDataPackets = r.Next(1, 4) }
                ),
                new FaultKind("reply delayed > timeout", ZkTransportKind.Tcp, (r, n) =>
                    new FaultOptions { DelayReplyAfterRequests = r.Next(1, n + 1), ReplyDelay = Delay(o) }
                ),
                new FaultKind("ack_error to face write", ZkTransportKind.Tcp, (r, _) =>
                    new FaultOptions { ErrorCommand = CommandCode.UserFaceWrite }
                ),
                // One write ACKed and not carried out, as firmware does with one it cannot store: the user batch that
                // enables the staged users (the first after the first face write), one face write, one photo write.
                new FaultKind("enable dropped", ZkTransportKind.Tcp, (r, _) =>
                    new FaultOptions
                    {
                        AckAndDropCommand = CommandCode.ApplyUploadBuffer,
                        AckAndDropAfterCommand = CommandCode.UserFaceWrite,
                    }
                ),
                new FaultKind("face write dropped", ZkTransportKind.Tcp, (r, _) =>
                    new FaultOptions
                    {
                        AckAndDropCommand = CommandCode.UserFaceWrite,
                        AckAndDropOccurrence = r.Next(1, 3),
                    }
                ),
                new FaultKind("photo write dropped", ZkTransportKind.Tcp, (r, _) =>
                    new FaultOptions
                    {
                        AckAndDropCommand = CommandCode.UserPhotoWrite,
                        AckAndDropOccurrence = r.Next(1, 3),
                    }
                ),
                new FaultKind("full at N users", ZkTransportKind.Tcp, (r, _) =>
                    new FaultOptions { FullAtUsers = r.Next(0, o.Users + CampaignOptions.KeptUsers) }
                ),
                new FaultKind("hang after N", ZkTransportKind.Tcp, (r, n) =>
                    new FaultOptions { HangAfterRequests = r.Next(1, n + 1) }
                ),
                new FaultKind("restart after N", ZkTransportKind.Tcp, (r, n) =>
                    new FaultOptions { RestartAfterRequests = r.Next(1, n + 1) }
                ),
                new FaultKind(
                    "silent drop of damaged upload",
                    ZkTransportKind.Tcp,
                    (r, _) => new FaultOptions { DamageUploadOf = DroppableUploads[r.Next(DroppableUploads.Length)] }
                ),
                // ZMM220_TFT handshake (CONNECT answered ACK_UNAUTH with no key set), met again on every reconnect a
                // reset forces.
                new FaultKind("unauth handshake", ZkTransportKind.Tcp, (r, n) =>
                    new FaultOptions { ResetAfterRequests = r.Next(1, n + 1) }
                )
                {
                    Device = d => d.UnauthOnConnect = true,
                },
                // A NAT or firewall idle timeout (no profile closes idle connections: firmware does not), set
                // explicitly: 50 ms on the source (idle while destinations write) and on destinations written one at a
                // time.
                new FaultKind("idle close mid-sync", ZkTransportKind.Tcp, (r, _) => new FaultOptions())
                {
                    Device = d => d.IdleTimeout = IdleClose,
                    Source = s => s.IdleTimeout = IdleClose,
                    OneAtATime = true,
                },
                // Every session slot taken by a client that left without CMD_EXIT: the sync must fail to connect, say
                // why, and change nothing; once the slot is free the rerun completes.
                new FaultKind("slots full", ZkTransportKind.Tcp, (r, _) => new FaultOptions())
                {
                    Device = d => d.MaxSessions = 1,
                    Occupy = HoldSlotAsync,
                },
            };

        /// <summary>Idle close of the "idle close mid-sync" kind.</summary>
        public static readonly TimeSpan IdleClose = TimeSpan.FromMilliseconds(50);

        /// <summary>A session of another client, holding the only slot until disposed (CMD_EXIT).</summary>
        private static async System.Threading.Tasks.Task<IDisposable> HoldSlotAsync(DeviceEmulator device) =>
            await ZkDeviceClient
                .ConnectAsync(
                    new ZkConnectionOptions
                    {
                        Host = device.Host,
                        Port = device.Port,
                        Transport = ZkTransportKind.Tcp,
                    }
                )
                .ConfigureAwait(false);
    }
}
