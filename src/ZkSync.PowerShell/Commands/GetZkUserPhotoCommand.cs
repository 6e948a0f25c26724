using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Reads user photos; with -OutDirectory saves each as &lt;UserId&gt;.jpg, with -OutFile saves one
    /// photo.</summary>
    [Cmdlet(VerbsCommon.Get, "ZkUserPhoto", DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(ZkUserPhotoInfo))]
    public sealed class GetZkUserPhotoCommand : ZkDeviceCmdlet
    {
        private const string ObjectSet = "Object";
        private const string FileSet = "File";
        private const string DirectorySet = "Directory";
        private int _filesWritten;

        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? UserId { get; set; }

        /// <summary>Where to save the photo; only one photo can be saved this way per command.</summary>
        [Parameter(ParameterSetName = FileSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string OutFile { get; set; } = "";

        [Parameter(ParameterSetName = DirectorySet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string OutDirectory { get; set; } = "";

        protected override void ProcessSession(ZkSession session)
        {
            if (!UserSelection.Supports(this, session, session.Capabilities.PhotoSupported, "user photos")) return;
            IReadOnlyList<string> ids = UserSelection.IdsOrAll(this, session, UserId);
            ProgressReporter progress = BeginProgress($"Reading user photos from {session.Device}");
            try
            {
                for (int i = 0; i < ids.Count; i++)
                {
                    string id = ids[i];
                    progress.Report($"User {id}", i, ids.Count);
                    TryItem(id, () => ReadPhoto(session, id));
                }
            }
            finally
            {
                progress.Complete();
            }
        }

        private void ReadPhoto(ZkSession session, string id)
        {
            byte[]? photo = Run(ct => session.Client.GetPhotoAsync(id, ct));
            if (photo == null || photo.Length == 0)
            {
                WriteVerbose($"User {id} has no photo on {session.Device}.");
                return;
            }

            string? path = TargetPath(id);
            if (path != null && !Save(path, photo)) return;
            WriteObject(new ZkUserPhotoInfo(id, photo, path, session));
        }

        private string? TargetPath(string id)
        {
            switch (ParameterSetName)
            {
                case FileSet:
                    return GetUnresolvedProviderPathFromPSPath(OutFile);
                case DirectorySet:
                    // User ids are device text: keep them from escaping the directory or breaking the file name.
                    string safe = string.Join("_", id.Split(Path.GetInvalidFileNameChars()));
                    return Path.Combine(GetUnresolvedProviderPathFromPSPath(OutDirectory), safe + ".jpg");
                default:
                    return null;
            }
        }

        private bool Save(string path, byte[] photo)
        {
            if (ParameterSetName == FileSet && ++_filesWritten > 1)
            {
                WriteError(ErrorFactory.Create(ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument,
                    "-OutFile saves one photo, but more than one user has a photo. Use -OutDirectory.", path));
                return false;
            }

            try
            {
                string? directory = Path.GetDirectoryName(path);
                if (!string.IsNullOrEmpty(directory))
                    Directory.CreateDirectory(directory);
                File.WriteAllBytes(path, photo);
                return true;
            }
            catch (System.Exception exception)
                when (exception is IOException || exception is System.UnauthorizedAccessException)
            {
                WriteError(ErrorFactory.FileError(exception, path, FileAccess.Write));
                return false;
            }
        }
    }
}
