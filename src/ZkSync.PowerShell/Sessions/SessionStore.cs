using System;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace ZkSync.PowerShell.Sessions
{
    /// <summary>
    /// Module state kept per runspace (PSOpenAD's pattern): safe under runspace pools and ForEach-Object -Parallel,
    /// and no global variables. State goes away with its runspace; closing the runspace closes its sessions.
    /// </summary>
    internal static class SessionStore
    {
        private static readonly ConditionalWeakTable<Runspace, ModuleState> States = new ConditionalWeakTable<Runspace, ModuleState>();

        /// <summary>State of the runspace of the calling pipeline thread.</summary>
        public static ModuleState ForCurrentRunspace()
        {
            Runspace runspace = Runspace.DefaultRunspace
                ?? throw new InvalidOperationException("ZkSync cmdlets must run on a PowerShell pipeline thread.");
            return States.GetValue(runspace, Create);
        }

        /// <summary>State of the current runspace, or null when the module never created one there.</summary>
        public static ModuleState? TryGetForCurrentRunspace()
        {
            Runspace? runspace = Runspace.DefaultRunspace;
            return runspace != null && States.TryGetValue(runspace, out ModuleState? state) ? state : null;
        }

        private static ModuleState Create(Runspace runspace)
        {
            var state = new ModuleState();
            runspace.StateChanged += (sender, e) =>
            {
                if (e.RunspaceStateInfo.State == RunspaceState.Closed || e.RunspaceStateInfo.State == RunspaceState.Broken)
                    state.CloseAll();
            };
            return state;
        }
    }
}
