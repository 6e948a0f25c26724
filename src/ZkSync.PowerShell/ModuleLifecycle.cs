using System.Management.Automation;
using ZkSync.PowerShell.Sessions;

namespace ZkSync.PowerShell
{
    /// <summary>
    /// Import wires dependency resolution for Windows PowerShell and a process-exit hook; Remove-Module closes the
    /// runspace's sessions (freeing the devices' session slots) and stops its emulators; process exit closes the
    /// sessions of every runspace.
    /// </summary>
    public sealed class ModuleLifecycle : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport()
        {
            DependencyResolver.Register();
            SessionStore.CloseAllAtProcessExit();
        }

        public void OnRemove(PSModuleInfo psModuleInfo) => SessionStore.TryGetForCurrentRunspace()?.CloseAll();
    }
}
