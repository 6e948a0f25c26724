using System.Management.Automation;
using ZkSync.PowerShell.Sessions;

namespace ZkSync.PowerShell
{
    /// <summary>
    /// Import wires dependency resolution for Windows PowerShell; Remove-Module closes the runspace's sessions
    /// (freeing the devices' session slots) and stops its emulators.
    /// </summary>
    public sealed class ModuleLifecycle : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport() => DependencyResolver.Register();

        public void OnRemove(PSModuleInfo psModuleInfo) => SessionStore.TryGetForCurrentRunspace()?.CloseAll();
    }
}
