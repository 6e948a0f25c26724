using System;
using System.Collections.Generic;
using System.Linq;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Infrastructure
{
    /// <summary>
    /// A device's user table read once per command and kept current as the command writes, so piping a thousand users
    /// through New-/Set-/Remove-ZkUser costs one read, not a thousand.
    /// </summary>
    internal sealed class UserIndex
    {
        private readonly List<ZkUser> _users;
        private readonly Dictionary<string, ZkUser> _byId;

        public UserIndex(IEnumerable<ZkUser> users)
        {
            _users = users.ToList();
            _byId = new Dictionary<string, ZkUser>(StringComparer.Ordinal);
            foreach (ZkUser user in _users) _byId[user.UserId] = user;
        }

        public IReadOnlyList<ZkUser> All => _users;

        public ZkUser? Find(string userId) => _byId.TryGetValue(userId, out ZkUser? user) ? user : null;

        public void Upsert(ZkUser user)
        {
            ZkUser? old = Find(user.UserId);
            if (old != null) _users.Remove(old);
            _users.Add(user);
            _byId[user.UserId] = user;
        }

        public void Remove(string userId)
        {
            ZkUser? old = Find(userId);
            if (old == null) return;
            _users.Remove(old);
            _byId.Remove(userId);
        }
    }
}
