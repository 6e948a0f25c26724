using System;
using System.Collections.Generic;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Client
{
    /// <summary>
    /// The device's user table as this connection last saw it: user id ↔ uid, and which uids are free.
    /// Kept up to date by this client's own writes; re-read by <see cref="ZkDeviceClient.GetUsersAsync"/>.
    /// </summary>
    internal sealed class UserTable
    {
        /// <summary>Valid uids: 1..65534 (0 is never a user, 65535 means "none" in firmware).</summary>
        public const ushort MaxUid = 65534;

        private readonly Dictionary<string, ZkUser> _byUserId = new Dictionary<string, ZkUser>(StringComparer.Ordinal);
        private readonly Dictionary<ushort, ZkUser> _byUid = new Dictionary<ushort, ZkUser>();

        public UserTable(IEnumerable<ZkUser> users)
        {
            foreach (var u in users) Upsert(u);
        }

        public int Count => _byUid.Count;

        public IEnumerable<ZkUser> Users => _byUid.Values;

        public bool TryGetByUserId(string userId, out ZkUser user) => _byUserId.TryGetValue(userId ?? "", out user!);

        public bool TryGetByUid(ushort uid, out ZkUser user) => _byUid.TryGetValue(uid, out user!);

        public string? UserIdOf(ushort uid) => _byUid.TryGetValue(uid, out var u) ? u.UserId : null;

        /// <summary>Unused uids, lowest first; never a slot another user holds.</summary>
        public IEnumerable<ushort> FreeUids()
        {
            for (int uid = 1; uid <= MaxUid; uid++)
                if (!_byUid.ContainsKey((ushort)uid)) yield return (ushort)uid;
        }

        public void Upsert(ZkUser user)
        {
            if (_byUid.TryGetValue(user.Uid, out var previous)) _byUserId.Remove(previous.UserId);
            if (_byUserId.TryGetValue(user.UserId, out var sameId)) _byUid.Remove(sameId.Uid);
            _byUid[user.Uid] = user;
            _byUserId[user.UserId] = user;
        }

        public void Remove(ZkUser user)
        {
            _byUid.Remove(user.Uid);
            _byUserId.Remove(user.UserId);
        }
    }
}
