using System.Collections.Generic;
using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Reads face templates of given users (or of every user, one user at a time, with progress).</summary>
    [Cmdlet(VerbsCommon.Get, "ZkFaceTemplate")]
    [OutputType(typeof(ZkFaceTemplateInfo))]
    public sealed class GetZkFaceTemplateCommand : ZkDeviceCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? UserId { get; set; }

        protected override void ProcessSession(ZkSession session)
        {
            if (!UserSelection.Supports(this, session, session.Capabilities.FaceSupported, "face templates")) return;
            IReadOnlyList<string> ids = UserSelection.IdsOrAll(this, session, UserId);
            ProgressReporter progress = BeginProgress($"Reading face templates from {session.Device}");
            try
            {
                for (int i = 0; i < ids.Count; i++)
                {
                    string id = ids[i];
                    progress.Report($"User {id}", i, ids.Count);
                    TryItem(id, () =>
                    {
                        foreach (ZkFaceRecord face in Run(ct => session.Client.GetFacesAsync(id, ct)))
                        {
                            if (face.UserId.Length == 0) face.UserId = id;
                            WriteObject(new ZkFaceTemplateInfo(face, session));
                        }
                    });
                }
            }
            finally
            {
                progress.Complete();
            }
        }
    }
}
