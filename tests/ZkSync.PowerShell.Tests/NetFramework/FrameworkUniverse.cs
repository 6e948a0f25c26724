using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ZkSync.PowerShell.Tests.NetFramework
{
    /// <summary>One assembly read as metadata: its identity, the types it defines and the types it forwards.</summary>
    internal sealed class MetadataFile : IDisposable
    {
        private readonly PEReader _pe;

        public MetadataFile(string path)
        {
            Path = path;
            _pe = new PEReader(File.OpenRead(path));
            if (!_pe.HasMetadata || !_pe.GetMetadataReader().IsAssembly)
            {
                _pe.Dispose();
                throw new BadImageFormatException("not a .NET assembly", path);
            }
            Reader = _pe.GetMetadataReader();
            AssemblyDefinition definition = Reader.GetAssemblyDefinition();
            Name = Reader.GetString(definition.Name);
            Version = definition.Version;
            foreach (TypeDefinitionHandle handle in Reader.TypeDefinitions)
                Types[TypeNames.Of(Reader, handle)] = handle;
            foreach (ExportedTypeHandle handle in Reader.ExportedTypes)
            {
                (string name, AssemblyReferenceHandle target) = TypeNames.Of(Reader, handle);
                if (!target.IsNil) Forwards[name] = target;
            }
        }

        public string Path { get; }
        public string Name { get; }
        public Version Version { get; }
        public MetadataReader Reader { get; }

        /// <summary>Full names ("Namespace.Outer/Inner") of the types defined here.</summary>
        public Dictionary<string, TypeDefinitionHandle> Types { get; } =
            new Dictionary<string, TypeDefinitionHandle>(StringComparer.Ordinal);

        /// <summary>Types forwarded elsewhere (facades such as netstandard.dll), by full name.</summary>
        public Dictionary<string, AssemblyReferenceHandle> Forwards { get; } =
            new Dictionary<string, AssemblyReferenceHandle>(StringComparer.Ordinal);

        public void Dispose() => _pe.Dispose();
    }

    /// <summary>A type definition and the file that holds it.</summary>
    internal readonly record struct Definition(MetadataFile File, TypeDefinitionHandle Type);

    /// <summary>
    /// Where a reference was bound, as .NET Framework 4.7.2 with the module's DependencyResolver binds it.
    /// </summary>
    internal enum BindingSource
    {
        Unsatisfied,
        Framework,
        Module,
        PowerShellHost,
    }

    /// <summary>
    /// What Windows PowerShell 5.1 on .NET Framework 4.7.2 offers the module: the framework's reference assemblies,
    /// System.Management.Automation from PowerShell itself, and the DLLs shipped in the module folder, bound by the
    /// rules of src/ZkSync.PowerShell/DependencyResolver.cs: the framework's own copy when its version is at least the
    /// one referenced (the framework unifies older references to it), else the module's copy when its version is at
    /// least the one referenced (the resolver's rule), else nothing.
    /// </summary>
    internal sealed class FrameworkUniverse : IDisposable
    {
        private readonly Dictionary<string, MetadataFile> _framework;
        private readonly Dictionary<string, MetadataFile> _module;
        private readonly MetadataFile _powerShell;

        public FrameworkUniverse(
            string referenceAssemblies, string moduleFolder, string powerShellStandard, params string[] leaveOut)
        {
            _framework = Load(Directory.GetFiles(referenceAssemblies, "*.dll")
                .Concat(Directory.GetFiles(System.IO.Path.Combine(referenceAssemblies, "Facades"), "*.dll")), leaveOut);
            _module = Load(Directory.GetFiles(moduleFolder, "*.dll"), Array.Empty<string>());
            _powerShell = new MetadataFile(powerShellStandard);
        }

        public IReadOnlyCollection<MetadataFile> ModuleFiles => _module.Values;

        public void Dispose()
        {
            foreach (MetadataFile file in _framework.Values.Concat(_module.Values)) file.Dispose();
            _powerShell.Dispose();
        }

        public (BindingSource Source, MetadataFile? File) Bind(AssemblyName wanted)
        {
            Version version = wanted.Version ?? new Version(0, 0);
            string name = wanted.Name ?? "";
            if (_framework.TryGetValue(name, out MetadataFile? framework) && framework.Version >= version)
                return (BindingSource.Framework, framework);
            if (_module.TryGetValue(name, out MetadataFile? shipped) && shipped.Version >= version)
                return (BindingSource.Module, shipped);
            // PowerShell 5.1 is System.Management.Automation 3.0.0.0; PowerShellStandard.Library is its 5.1 surface.
            if (name == _powerShell.Name && _powerShell.Version >= version)
                return (BindingSource.PowerShellHost, _powerShell);
            return (BindingSource.Unsatisfied, null);
        }

        public (BindingSource Source, MetadataFile? File) Bind(
            MetadataReader from, AssemblyReferenceHandle reference) =>
            Bind(from.GetAssemblyReference(reference).GetAssemblyName());

        /// <summary>
        /// The file and definition of a type, following type forwarders; null when nothing defines it.
        /// </summary>
        public Definition? FindType(
            MetadataFile file, string fullName, int depth = 0)
        {
            if (file.Types.TryGetValue(fullName, out TypeDefinitionHandle type)) return new Definition(file, type);
            if (depth > 8 || !file.Forwards.TryGetValue(fullName, out AssemblyReferenceHandle target)) return null;
            MetadataFile? next = Bind(file.Reader, target).File;
            return next == null ? null : FindType(next, fullName, depth + 1);
        }

        /// <summary>
        /// Whether the type, or a type it derives from, has a method or field of this name and signature.
        /// </summary>
        public bool HasMember(
            MetadataFile file, TypeDefinitionHandle handle, string name, string signature, bool isField)
        {
            for (int depth = 0; depth < 32; depth++)
            {
                TypeDefinition type = file.Reader.GetTypeDefinition(handle);
                if (isField
                        ? type.GetFields().Any(f => Is(file.Reader, file.Reader.GetFieldDefinition(f).Name, name)
                            && SignatureNames.OfField(file.Reader.GetFieldDefinition(f)) == signature)
                        : type.GetMethods().Any(m => Is(file.Reader, file.Reader.GetMethodDefinition(m).Name, name)
                            && SignatureNames.OfMethod(file.Reader.GetMethodDefinition(m)) == signature))
                    return true;
                Definition? baseType = BaseOf(file, type.BaseType);
                if (baseType == null) return false;
                (file, handle) = baseType.Value;
            }
            return false;
        }

        /// <summary>
        /// Whether a method (signature in <see cref="SignatureNames"/> notation) exists, found by names.
        /// </summary>
        public bool HasMethod(string assembly, string typeName, string name, string signature)
        {
            MetadataFile? file = Bind(new AssemblyName(assembly)).File;
            Definition? type = file == null ? null : FindType(file, typeName);
            return type != null && HasMember(type.Value.File, type.Value.Type, name, signature, isField: false);
        }

        private Definition? BaseOf(MetadataFile file, EntityHandle baseType)
        {
            if (baseType.IsNil) return null; // System.Object and interfaces (a nil base reads as TypeDefinition row 0)
            switch (baseType.Kind)
            {
                case HandleKind.TypeDefinition:
                    return new Definition(file, (TypeDefinitionHandle)baseType);
                case HandleKind.TypeReference:
                    return Resolve(file.Reader, (TypeReferenceHandle)baseType)?.Found;
                case HandleKind.TypeSpecification:
                    EntityHandle generic = SignatureNames.GenericTypeOf(file.Reader, (TypeSpecificationHandle)baseType);
                    return generic.IsNil ? null : BaseOf(file, generic);
                default:
                    return null;
            }
        }

        /// <summary>
        /// A type reference of <paramref name="from"/> resolved: null when it points into <paramref name="from"/>
        /// itself; otherwise where its assembly bound and the definition found there (null Found: not defined anywhere
        /// it binds).
        /// </summary>
        public (string Name, string Assembly, BindingSource Source, Definition? Found)? Resolve(
            MetadataReader from, TypeReferenceHandle reference)
        {
            (string name, EntityHandle scope) = TypeNames.Of(from, reference);
            if (scope.Kind != HandleKind.AssemblyReference) return null;
            var assembly = (AssemblyReferenceHandle)scope;
            (BindingSource source, MetadataFile? file) = Bind(from, assembly);
            string assemblyName = from.GetString(from.GetAssemblyReference(assembly).Name);
            return (name, assemblyName, source, file == null ? null : FindType(file, name));
        }

        private static bool Is(MetadataReader reader, StringHandle handle, string name) =>
            reader.StringComparer.Equals(handle, name);

        private static Dictionary<string, MetadataFile> Load(IEnumerable<string> paths, string[] leaveOut)
        {
            var files = new Dictionary<string, MetadataFile>(StringComparer.OrdinalIgnoreCase);
            foreach (string path in paths)
            {
                MetadataFile file;
                try
                {
                    file = new MetadataFile(path);
                }
                catch (BadImageFormatException)
                {
                    continue; // a native DLL or a module without an assembly manifest: nothing binds to it by name
                }
                if (leaveOut.Contains(file.Name, StringComparer.OrdinalIgnoreCase)) file.Dispose();
                else files[file.Name] = file;
            }
            return files;
        }
    }

    /// <summary>Full type names as metadata spells them: "Namespace.Outer/Inner".</summary>
    internal static class TypeNames
    {
        public static string Of(MetadataReader reader, TypeDefinitionHandle handle)
        {
            TypeDefinition type = reader.GetTypeDefinition(handle);
            TypeDefinitionHandle outer = type.GetDeclaringType();
            return outer.IsNil
                ? Join(reader, type.Namespace, type.Name)
                : Of(reader, outer) + "/" + reader.GetString(type.Name);
        }

        /// <summary>
        /// The full name, and the scope that says where the outermost type lives (an assembly reference, usually).
        /// </summary>
        public static (string Name, EntityHandle Scope) Of(MetadataReader reader, TypeReferenceHandle handle)
        {
            TypeReference type = reader.GetTypeReference(handle);
            if (type.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                (string outer, EntityHandle scope) = Of(reader, (TypeReferenceHandle)type.ResolutionScope);
                return (outer + "/" + reader.GetString(type.Name), scope);
            }
            return (Join(reader, type.Namespace, type.Name), type.ResolutionScope);
        }

        public static (string Name, AssemblyReferenceHandle Target) Of(MetadataReader reader, ExportedTypeHandle handle)
        {
            ExportedType type = reader.GetExportedType(handle);
            if (type.Implementation.Kind == HandleKind.ExportedType)
            {
                (string outer, AssemblyReferenceHandle target) = Of(reader, (ExportedTypeHandle)type.Implementation);
                return (outer + "/" + reader.GetString(type.Name), target);
            }
            var assembly = type.Implementation.Kind == HandleKind.AssemblyReference
                ? (AssemblyReferenceHandle)type.Implementation
                : default;
            return (Join(reader, type.Namespace, type.Name), assembly);
        }

        private static string Join(MetadataReader reader, StringHandle ns, StringHandle name) =>
            ns.IsNil || reader.GetString(ns).Length == 0
                ? reader.GetString(name)
                : reader.GetString(ns) + "." + reader.GetString(name);
    }
}
