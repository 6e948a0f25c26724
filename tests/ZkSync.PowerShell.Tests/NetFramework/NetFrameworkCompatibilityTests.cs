using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests.NetFramework
{
    /// <summary>
    /// Windows PowerShell 5.1 evidence without Windows: every DLL staged in out/ZkSync binds on .NET Framework 4.7.2
    /// (the manifest's DotNetFrameworkVersion) by the rules of DependencyResolver, and every type and member the
    /// module's own assemblies use exists in the .NET Framework 4.7.2 reference assemblies (or in the DLL it binds to).
    /// What this does not prove is in README.md ("Windows PowerShell 5.1").
    /// </summary>
    public sealed class NetFrameworkCompatibilityTests : IDisposable
    {
        private readonly FrameworkUniverse _universe = Open();

        public void Dispose() => _universe.Dispose();

        [Fact]
        public void Every_assembly_reference_of_every_staged_dll_binds_as_on_NET_Framework_4_7_2()
        {
            var problems = new List<string>();
            var bindings = new Dictionary<string, BindingSource>();
            Assert.True(_universe.ModuleFiles.Count >= 10,
                "out/ZkSync holds the module and its dependencies; build src/ZkSync.PowerShell first");
            foreach (MetadataFile file in _universe.ModuleFiles)
            {
                foreach (AssemblyReferenceHandle handle in file.Reader.AssemblyReferences)
                {
                    AssemblyName wanted = file.Reader.GetAssemblyReference(handle).GetAssemblyName();
                    BindingSource source = _universe.Bind(wanted).Source;
                    bindings[$"{file.Name} -> {wanted.Name}"] = source;
                    if (source == BindingSource.Unsatisfied)
                        problems.Add($"{file.Name} references {wanted.Name} {wanted.Version}: " +
                            "neither .NET Framework 4.7.2 nor out/ZkSync has that version or newer");
                }
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
            // The cases that matter: netstandard comes from the framework (4.7.2 ships the facade), and System.Memory's
            // older reference to Unsafe is answered by the module's newer copy (what DependencyResolver is for).
            Assert.Equal(BindingSource.Framework, bindings["ZkSync.Protocol -> netstandard"]);
            Assert.Equal(BindingSource.Module, bindings["System.Memory -> System.Runtime.CompilerServices.Unsafe"]);
            Assert.Equal(BindingSource.Module, bindings["ZkSync.Protocol -> System.Memory"]);
            Assert.Equal(BindingSource.PowerShellHost, bindings["ZkSync.PowerShell -> System.Management.Automation"]);
        }

        [Fact]
        public void Every_type_and_member_the_module_assemblies_use_exists_on_NET_Framework_4_7_2()
        {
            string[] own = _universe.ModuleFiles.Where(IsOwn).Select(f => f.Name).OrderBy(n => n).ToArray();
            Assert.Equal(new[] { "ZkSync.Emulator.Core", "ZkSync.PowerShell", "ZkSync.Protocol", "ZkSync.Sync" }, own);

            Walk walk = WalkModuleAssemblies(_universe);

            Assert.True(walk.Problems.Count == 0, string.Join(Environment.NewLine, walk.Problems));
            // Every kind was really looked at (a walk that checked nothing would pass too).
            Assert.True(walk.FrameworkTypes > 150, $"{walk.FrameworkTypes} framework types checked");
            Assert.True(walk.FrameworkMembers > 400, $"{walk.FrameworkMembers} framework members checked");
        }

        [Fact]
        public void The_walk_reports_what_the_framework_lacks()
        {
            // APIs that .NET Framework 4.7.2 does not have are found missing: string.Contains(char) came with .NET Core
            // 2.1.
            const string netstandard = "netstandard, Version=2.0.0.0";
            Assert.True(_universe.HasMethod(netstandard, "System.String", "Contains", "instance Boolean (String)`0"));
            Assert.False(_universe.HasMethod(netstandard, "System.String", "Contains", "instance Boolean (Char)`0"));
            // A reference newer than anything shipped binds nowhere.
            var future = new AssemblyName("System.Runtime.CompilerServices.Unsafe, Version=99.0.0.0");
            Assert.Equal(BindingSource.Unsatisfied, _universe.Bind(future).Source);

            // Take System.Core (LINQ, HashSet) away from the framework: the walk names what the module uses from it.
            using FrameworkUniverse withoutCore = Open("System.Core");
            Walk walk = WalkModuleAssemblies(withoutCore);
            Assert.Contains(walk.Problems, p => p.Contains("System.Linq.Enumerable", StringComparison.Ordinal));
        }

        private sealed class Walk
        {
            public List<string> Problems { get; } = new List<string>();
            public int FrameworkTypes { get; set; }
            public int FrameworkMembers { get; set; }
        }

        /// <summary>
        /// Every type reference and member reference of the ZkSync assemblies, resolved where it would bind.
        /// </summary>
        private static Walk WalkModuleAssemblies(FrameworkUniverse universe)
        {
            var walk = new Walk();
            foreach (MetadataFile file in universe.ModuleFiles.Where(IsOwn))
            {
                MetadataReader reader = file.Reader;
                foreach (TypeReferenceHandle handle in reader.TypeReferences)
                {
                    var type = universe.Resolve(reader, handle);
                    if (type == null) continue;
                    if (type.Value.Source == BindingSource.Framework) walk.FrameworkTypes++;
                    if (type.Value.Found == null)
                        walk.Problems.Add($"{file.Name} uses type {type.Value.Name} from {type.Value.Assembly}, " +
                            $"which {type.Value.Source} does not define");
                }

                foreach (MemberReferenceHandle handle in reader.MemberReferences)
                {
                    MemberReference member = reader.GetMemberReference(handle);
                    EntityHandle parent = member.Parent.Kind == HandleKind.TypeSpecification
                        ? SignatureNames.GenericTypeOf(reader, (TypeSpecificationHandle)member.Parent)
                        : member.Parent;
                    // Array methods (int[,]::Get) are made by the runtime; vararg and module-level parents are not
                    // types.
                    if (parent.Kind != HandleKind.TypeReference) continue;
                    var type = universe.Resolve(reader, (TypeReferenceHandle)parent);
                    if (type?.Found == null) continue; // an own type, or already reported above
                    string name = reader.GetString(member.Name);
                    string signature = SignatureNames.OfReference(member);
                    bool isField = member.GetKind() == MemberReferenceKind.Field;
                    if (type.Value.Source == BindingSource.Framework) walk.FrameworkMembers++;
                    (MetadataFile target, TypeDefinitionHandle definition) = type.Value.Found.Value;
                    if (!universe.HasMember(target, definition, name, signature, isField))
                        walk.Problems.Add($"{file.Name} uses {type.Value.Name}::{name} {signature}, " +
                            $"which {target.Name} ({type.Value.Source}) does not have");
                }
            }
            return walk;
        }

        private static FrameworkUniverse Open(params string[] leaveOut) =>
            new FrameworkUniverse(Metadata("Net472ReferenceAssemblies"), RepoPaths.ModuleDirectory,
                Metadata("PowerShellStandardLibrary"), leaveOut);

        private static bool IsOwn(MetadataFile file) => file.Name.StartsWith("ZkSync.", StringComparison.Ordinal);

        private static string Metadata(string key) =>
            typeof(NetFrameworkCompatibilityTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == key).Value!;
    }
}
