using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using ZkSync.Bench.LinkFloor;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Model;

namespace ZkSync.Bench
{
    /// <summary>
    /// Starts the emulated face terminals of one user count, all with the same link model: a seeded source and empty
    /// destinations, with face and fingerprint capacity raised to fit every seeded user.
    /// </summary>
    internal sealed class Rig
    {
        private readonly string _hostDll;

        public Rig(string hostDll, LinkModel model, int users, int seed)
        {
            _hostDll = hostDll;
            Model = model;
            Users = users;
            Seed = seed;
        }

        public LinkModel Model { get; }
        public int Users { get; }
        public int Seed { get; }

        public Task<EmulatorProcess> StartSourceAsync() => StartAsync("source", Users);

        public Task<EmulatorProcess> StartEmptyAsync(string name) => StartAsync(name, 0);

        public static ZkConnectionOptions Connection(EmulatorProcess device) => new ZkConnectionOptions
        {
            Host = "127.0.0.1",
            Port = device.Port,
            Transport = ZkTransportKind.Tcp,
            Timeout = TimeSpan.FromSeconds(30),
        };

        private Task<EmulatorProcess> StartAsync(string name, int users)
        {
            var args = new List<string>
            {
                "--transport", "tcp",
                "--profile", "face",
                "--users", users.ToString(CultureInfo.InvariantCulture),
                "--seed", Seed.ToString(CultureInfo.InvariantCulture),
                // ~MaxFaceCount is in hundreds of users; seeding gives 1-3 fingerprints per user.
                "--max-face-count", ((Users + 99) / 100).ToString(CultureInfo.InvariantCulture),
                "--fp-capacity", (3 * Users).ToString(CultureInfo.InvariantCulture),
            };
            args.AddRange(Model.EmulatorArgs());
            return EmulatorProcess.StartAsync(name, _hostDll, args);
        }
    }
}
