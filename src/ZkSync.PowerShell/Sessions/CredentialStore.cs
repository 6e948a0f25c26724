using System;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Security;

namespace ZkSync.PowerShell
{
    /// <summary>
    /// A comm key by credential name (an inventory's CredentialName column): Azure Automation's
    /// Get-AutomationPSCredential on a runbook worker, else SecretManagement's Get-Secret, whichever the session has.
    /// The key is the password of the credential (or the secret itself when it is a SecureString).
    /// </summary>
    internal static class CredentialStore
    {
        private static readonly string[] Lookups = { "Get-AutomationPSCredential", "Get-Secret" };

        [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2208",
            Justification = "ParamName names the cmdlet parameter the admin gave (-CredentialName).")]
        public static PSCredential Find(CommandInvocationIntrinsics invoke, string name)
        {
            foreach (string command in Lookups)
            {
                if (invoke.GetCommand(command, CommandTypes.All) == null) continue;
                Collection<PSObject> found;
                try
                {
                    found = invoke.InvokeScript(false, ScriptBlock.Create("param($c, $n) & $c -Name $n"), null,
                        command, name);
                }
                catch (RuntimeException exception)
                {
                    throw new ArgumentException($"Credential '{name}' could not be read with {command}: "
                        + $"{exception.Message}", "CredentialName", exception);
                }
                object? value = found.Count == 0 ? null : found[0]?.BaseObject;
                switch (value)
                {
                    case PSCredential credential: return credential;
                    case SecureString secret: return new PSCredential(name, secret);
                    default:
                        throw new ArgumentException(
                            $"{command} -Name '{name}' returned "
                                + $"{(value == null ? "nothing" : "a " + value.GetType().Name)}, not a credential: "
                                + $"store the comm key as " +
                            "the password of a credential (or as a SecureString secret) under that name.",
                                "CredentialName");
                }
            }
            throw new ArgumentException(
                $"-CredentialName '{name}' needs Get-AutomationPSCredential (an Azure Automation runbook) or "
                    + $"Get-Secret (Install-Module " +
                "Microsoft.PowerShell.SecretManagement), and neither is available; pass -Credential instead.",
                    "CredentialName");
        }
    }
}
