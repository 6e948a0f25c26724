using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell
{
    /// <summary>One face template record of a user on a device.</summary>
    public sealed class ZkFaceTemplateInfo : ZkSessionItem
    {
        internal ZkFaceTemplateInfo(ZkFaceRecord face, ZkSession session) : base(session) => Face = face;

        public string UserId => Face.UserId;
        public int FaceId => Face.FaceId;

        /// <summary>True for templates the device learned during verification (FaceID 31-33), not enrolled
        /// ones.</summary>
        public bool IsLearned => Face.IsLearned;

        public int Size => Face.Size;
        public bool Valid => Face.Valid != 0;

        /// <summary>The face algorithm version of the device (templates only copy between equal versions).</summary>
        public int Algorithm => Session.Capabilities.FaceAlgorithm;

        internal ZkFaceRecord Face { get; }

        public override string ToString() => Face.ToString();
    }
}
