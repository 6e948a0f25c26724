using System;
using System.Collections.Generic;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Client
{
    /// <summary>A user and the fingerprints to write with it in one batch upload.</summary>
    public sealed class UserWithFingerprints
    {
        public UserWithFingerprints(ZkUser user, IReadOnlyList<ZkFingerprint>? fingerprints = null)
        {
            User = user;
            Fingerprints = fingerprints ?? new List<ZkFingerprint>();
        }

        /// <summary>The user; its Uid is ignored and chosen on the target device.</summary>
        public ZkUser User { get; }

        public IReadOnlyList<ZkFingerprint> Fingerprints { get; }
    }

    /// <summary>What a user write did.</summary>
    public sealed class UserWriteResult
    {
        public UserWriteResult(
            string userId,
            ushort uid,
            bool created,
            IReadOnlyList<FieldTruncation> truncations,
            IReadOnlyList<string>? templateFailures = null
        )
        {
            UserId = userId;
            Uid = uid;
            Created = created;
            Truncations = truncations;
            TemplateFailures = templateFailures ?? Array.Empty<string>();
        }

        public string UserId { get; }

        /// <summary>The uid the user has on the target device.</summary>
        public ushort Uid { get; }

        /// <summary>True when the user was new on the device; false when it was updated.</summary>
        public bool Created { get; }

        /// <summary>Fields cut to fit (empty unless truncation was allowed).</summary>
        public IReadOnlyList<FieldTruncation> Truncations { get; }

        /// <summary>
        /// Templates written after the batch (flagged ones, e.g. duress) that the device refused, each with the reason;
        /// such a template is not on the device. The rest of the write stands.
        /// </summary>
        public IReadOnlyList<string> TemplateFailures { get; }
    }
}
