using System.Management.Automation;
using ZkSync.PowerShell.Sessions;

namespace ZkSync.PowerShell
{
    /// <summary>Remove-Module closes the runspace's sessions (freeing the devices' session slots) and stops its emulators.</summary>
    public sealed class ModuleLifecycle : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport()
        {
        }

        public void OnRemove(PSModuleInfo psModuleInfo) => SessionStore.TryGetForCurrentRunspace()?.CloseAll();
    }
}
