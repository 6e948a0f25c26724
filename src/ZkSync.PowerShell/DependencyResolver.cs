using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;

namespace ZkSync.PowerShell
{
    /// <summary>
    /// Windows PowerShell 5.1 runs on .NET Framework, which has no binding redirects for a module: the engine's
    /// dependencies reference each other at older versions than the ones shipped (System.Memory wants
    /// System.Runtime.CompilerServices.Unsafe 4.0.4.1, the module ships 6.0.0.0). This resolver answers such
    /// requests with the module's own copy when it is the same or newer (the netstandard2.0 resolver pattern).
    /// PowerShell 7 needs none of this: .NET resolves newer versions itself.
    /// </summary>
    internal static class DependencyResolver
    {
        private static readonly string ModuleDirectory = Path.GetDirectoryName(
            typeof(DependencyResolver).Assembly.Location
        ) ?? "";

        public static bool Needed =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        private static int Registered;

        /// <summary>Once per process: the assembly stays loaded for every runspace that imports the module, so the
        /// handler stays too.</summary>
        public static void Register()
        {
            if (Needed && Interlocked.Exchange(ref Registered, 1) == 0)
                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var wanted = new AssemblyName(args.Name);
            string path = Path.Combine(ModuleDirectory, wanted.Name + ".dll");
            if (!File.Exists(path)) return null;
            var shipped = AssemblyName.GetAssemblyName(path);
            return wanted.Version == null || shipped.Version >= wanted.Version ? Assembly.LoadFrom(path) : null;
        }
    }
}
