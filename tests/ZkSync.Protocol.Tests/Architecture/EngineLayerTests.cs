using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace ZkSync.Protocol.Tests.Architecture
{
    /// <summary>
    /// The engine's folders form layers, and each uses only the layers below it (README's diagram and
    /// docs/architecture.md). A new use of a folder above, or of a sibling at the same height, fails here with the
    /// file and type that did it.
    /// </summary>
    public class EngineLayerTests
    {
        /// <summary>Bottom to top. A folder may use only folders earlier in this list.</summary>
        public static readonly string[] Layers =
        {
            "Framing",    // packet header, checksum, command and reply codes, TCP envelope
            "Errors",     // exceptions carrying reply codes
            "Model",      // users, templates, faces, device info, transport kind
            "Codecs",     // record layouts, text fields, comm key derivation
            "Connection", // what a caller asks for: host, port, transport, comm key, timeouts
            "Transport",  // TCP and UDP sockets
            "Session",    // connect, comm key, reply ids, retries, traffic counters
            "Bulk",       // buffered reads and chunked uploads
            "Client",     // ZkDeviceClient
        };

        private static string EngineDirectory()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "src", "ZkSync.Protocol");
                if (File.Exists(Path.Combine(candidate, "ZkSync.Protocol.csproj"))) return candidate;
            }

            throw new InvalidOperationException("src/ZkSync.Protocol not found above " + AppContext.BaseDirectory);
        }

        [Fact]
        public void Every_engine_folder_has_a_place_in_the_layers()
        {
            var folders = FolderDependencyScanner.ReadProject(EngineDirectory()).Keys
                .Select(FolderDependencyScanner.FolderOf).Distinct().OrderBy(f => f, StringComparer.Ordinal);
            Assert.Equal(Layers.OrderBy(f => f, StringComparer.Ordinal), folders);
        }

        [Fact]
        public void Each_engine_folder_uses_only_the_folders_below_it()
        {
            var upward = FolderDependencyScanner.Scan(FolderDependencyScanner.ReadProject(EngineDirectory()))
                .Where(d => Array.IndexOf(Layers, d.To) >= Array.IndexOf(Layers, d.From))
                .Select(d => $"{d.File} ({d.From}) uses {d.TypeName} from {d.To}, which is not below it")
                .ToList();
            Assert.True(upward.Count == 0, string.Join(Environment.NewLine, upward));
        }

        [Fact]
        public void The_scan_sees_the_client_using_the_session()
        {
            var dependencies = FolderDependencyScanner.Scan(FolderDependencyScanner.ReadProject(EngineDirectory()));
            Assert.Contains(dependencies, d => d.From == "Client" && d.To == "Session");
            Assert.Contains(dependencies, d => d.From == "Session" && d.To == "Transport");
        }

        [Fact]
        public void The_scan_finds_a_fully_qualified_use_but_not_a_comment_a_string_or_a_nested_type_name()
        {
            var sources = new Dictionary<string, string>
            {
                ["Low/Packet.cs"] = "namespace E.Low { public sealed class Packet { } }",
                ["High/Client.cs"] =
                    "namespace E.High { public sealed class Client { internal sealed class Keys { } } }",
                ["Low/Uses.cs"] = "namespace E.Low { class Uses { object o = new E.High.Client(); } }",
                ["Low/Mentions.cs"] =
                    "namespace E.Low { class Mentions { // Client\n string s = \"Client\"; /* Client */ int n = "
                        + "d.Keys.Count; } }",
            };

            var found = FolderDependencyScanner.Scan(sources);

            var single = Assert.Single(found);
            Assert.Equal(new FolderDependency("Low", "High", "Client", "Low/Uses.cs"), single);
        }
    }
}
