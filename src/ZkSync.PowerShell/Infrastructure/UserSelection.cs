using System.Collections.Generic;
using System.Linq;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Infrastructure
{
    /// <summary>The user ids a per-user read works on: the ones given, or every user of the device.</summary>
    internal static class UserSelection
    {
        public static IReadOnlyList<string> IdsOrAll(ZkCmdlet cmdlet, ZkSession session, string[]? userIds) =>
            (IReadOnlyList<string>?)userIds ?? cmdlet.UsersOf(session).All.Select(u => u.UserId).ToList();

        /// <summary>Refuses per-user reads of a feature the device lacks, once, with NotSupported.</summary>
        public static bool Supports(ZkCmdlet cmdlet, ZkSession session, bool supported, string feature)
        {
            if (supported)
                return true;
            cmdlet.WriteError(
                ErrorFactory.Create(
                    ErrorIds.NotSupported,
                    System.Management.Automation.ErrorCategory.InvalidOperation,
                    $"{session.Device} does not support {feature}.",
                    session
                )
            );
            return false;
        }
    }
}
