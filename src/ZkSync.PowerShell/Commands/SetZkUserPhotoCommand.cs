using System;
using System.IO;
using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Uploads a JPEG as a user's photo (Get-ZkUserPhoto -OutDirectory output pipes straight in).</summary>
    [Cmdlet(VerbsCommon.Set, "ZkUserPhoto", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class SetZkUserPhotoCommand : ZkItemCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        protected override void ProcessSession(ZkSession session)
        {
            if (!UserSelection.Supports(this, session, session.Capabilities.PhotoSupported, "user photos")) return;
            ZkUser? user = RequireUser(session, UserId);
            if (user == null) return;

            string path = GetUnresolvedProviderPathFromPSPath(Path);
            byte[] jpeg;
            try
            {
                jpeg = File.ReadAllBytes(path);
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                WriteError(ErrorFactory.FileError(exception, path, FileAccess.Read));
                return;
            }

            // Terminals only decode JPEG; anything else would be stored and then shown as garbage.
            if (jpeg.Length < 3 || jpeg[0] != 0xFF || jpeg[1] != 0xD8 || jpeg[2] != 0xFF)
            {
                WriteError(
                    ErrorFactory.Create(
                        ErrorIds.InvalidData,
                        ErrorCategory.InvalidData,
                        $"{path} is not a JPEG file.",
                        path
                    )
                );
                return;
            }

            if (!ShouldProcess(UserTarget(UserId, user.Name, session), $"Set photo from {path} ({jpeg.Length} bytes)"))
                return;
            Run(ct => session.Client.SetPhotoAsync(UserId, jpeg, ct));
        }
    }
}
