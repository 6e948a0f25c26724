using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;

namespace ZkSync.PowerShell.Sessions
{
    /// <summary>Looks sessions up by -Id, reporting ids that do not exist.</summary>
    internal static class SessionsById
    {
        public static IEnumerable<ZkSession> Find(ZkCmdlet cmdlet, IEnumerable<int> ids)
        {
            ZkSession[] sessions = cmdlet.State.Sessions();
            foreach (int id in ids)
            {
                ZkSession? session = sessions.FirstOrDefault(s => s.Id == id);
                if (session != null)
                    yield return session;
                else
                    cmdlet.WriteError(
                        ErrorFactory.Create(
                            ErrorIds.SessionNotFound,
                            ErrorCategory.ObjectNotFound,
                            $"No session with id {id} in this runspace.",
                            id
                        )
                    );
            }
        }
    }
}
