using System;
using System.Collections.Generic;
using System.Linq;
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
        private static readonly ConditionalWeakTable<Runspace, ModuleState> States =
            new ConditionalWeakTable<Runspace, ModuleState>();

        /// <summary>Every runspace's state (weakly), so process exit can still say CMD_EXIT for sessions nobody
        /// closed.</summary>
        private static readonly List<WeakReference<ModuleState>> AllStates = new List<WeakReference<ModuleState>>();
        private static int ExitHooked;

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

        /// <summary>
        /// Once per process: at exit, every session still open in any runspace sends CMD_EXIT, so a script that ends
        /// without Disconnect-ZkDevice does not leave the terminal's session slot taken until it drops it.
        /// </summary>
        public static void CloseAllAtProcessExit()
        {
            if (System.Threading.Interlocked.Exchange(ref ExitHooked, 1) == 1) return;
            AppDomain.CurrentDomain.ProcessExit += (sender, e) =>
            {
                ModuleState[] states;
                lock (AllStates)
                {
                    states = AllStates
                        .Select(w => w.TryGetTarget(out ModuleState? s) ? s : null)
                        .Where(s => s != null)
                        .ToArray()!;
                }
                foreach (ModuleState state in states)
                    state.CloseSessions();
            };
        }

        private static ModuleState Create(Runspace runspace)
        {
            var state = new ModuleState();
            lock (AllStates)
            {
                AllStates.RemoveAll(w => !w.TryGetTarget(out _));
                AllStates.Add(new WeakReference<ModuleState>(state));
            }
            runspace.StateChanged += (sender, e) =>
            {
                if (
                    e.RunspaceStateInfo.State == RunspaceState.Closed
                    || e.RunspaceStateInfo.State == RunspaceState.Broken
                )
                    state.CloseAll();
            };
            return state;
        }
    }
}
