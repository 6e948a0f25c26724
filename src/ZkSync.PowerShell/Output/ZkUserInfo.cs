using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell
{
    /// <summary>A user on a device. The password itself is not shown; HasPassword says whether one is set.</summary>
    public sealed class ZkUserInfo : ZkSessionItem
    {
        internal ZkUserInfo(ZkUser user, ZkSession session) : base(session) => User = user;

        public string UserId => User.UserId;
        public string Name => User.Name;
        public ZkPrivilege Privilege => User.Privilege;
        public bool Enabled => User.Enabled;
        public uint Card => User.Card;
        public byte Group => User.Group;
        public bool HasPassword => !string.IsNullOrEmpty(User.Password);

        /// <summary>The device-local record number (differs from device to device; identity is UserId).</summary>
        public ushort Uid => User.Uid;

        internal ZkUser User { get; }

        public override string ToString() => $"{UserId} ({Name})";
    }
}
