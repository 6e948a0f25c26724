using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;
using ZkSync.Emulator.Core;

namespace ZkSync.Emulator.Tests
{
    /// <summary>
    /// The device side must meet the engine on the wire with codecs of its own (issue 16): a layout written wrong in
    /// the engine would otherwise be wrong on both sides of every engine ↔ emulator test. Checked on the compiled
    /// assembly.
    /// </summary>
    public class DeviceCodecIndependenceTests
    {
        private static readonly string[] EngineRecordHelpers =
        {
            "CommKey",
            "ZkTime",
            "BufferHash",
            "TextField",
            "PinPayload",
            "TruncationMode",
        };

        [Fact]
        public void Emulator_core_references_none_of_the_engines_record_codecs()
        {
            var referenced = ReferencedEngineTypes(typeof(DeviceEmulator).Assembly.Location);
            Assert.NotEmpty(referenced); // it does use the engine (framing, models): the scan sees references at all
            var codecs = referenced
                .Where(t =>
                    t.Namespace.EndsWith(".Codecs", StringComparison.Ordinal)
                    || t.Name.EndsWith("Codec", StringComparison.Ordinal)
                    || EngineRecordHelpers.Contains(t.Name)
                )
                .ToList();
            Assert.True(
                codecs.Count == 0,
                "The emulator calls engine codecs: " + string.Join(", ", codecs.Select(t => t.Namespace + "." + t.Name))
            );
        }

        private static (string Namespace, string Name)[] ReferencedEngineTypes(string assemblyPath)
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            var md = pe.GetMetadataReader();
            return md.TypeReferences.Select(md.GetTypeReference)
                .Select(t => (Namespace: md.GetString(t.Namespace), Name: md.GetString(t.Name)))
                .Where(t => t.Namespace.StartsWith("ZkSync.Protocol", StringComparison.Ordinal))
                .ToArray();
        }
    }
}
