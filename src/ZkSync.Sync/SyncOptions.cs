using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ZkSync.Sync
{
    /// <summary>A destructive step the caller may refuse (a caller with a confirmation prompt maps it to one prompt
    /// each).</summary>
    public sealed class SyncConfirmation
    {
        public SyncConfirmation(string destination, string userId, string name, string action)
        {
            Destination = destination;
            UserId = userId;
            Name = name;
            Action = action;
        }

        public string Destination { get; }

        /// <summary>The destination asking, as the caller gave it to the run.</summary>
        public SyncEndpoint? Endpoint { get; internal set; }

        public string UserId { get; }
        public string Name { get; }

        /// <summary>What would be done, e.g. "Remove user 42 (Ann) and its fingerprints, faces and photo".</summary>
        public string Action { get; }
    }

    /// <summary>How a sync (or a copy: a sync with <see cref="UserIds"/> and no <see cref="Mirror"/>) runs.</summary>
    public sealed class SyncOptions
    {
        /// <summary>Default cap of one batch upload buffer (users + templates): 256 KB, well under what firmware
        /// buffers take.</summary>
        public const int DefaultMaxBatchBytes = 256 * 1024;

        /// <summary>Default cap of users per batch upload.</summary>
        public const int DefaultMaxBatchUsers = 500;

        /// <summary>Default number of users whose faces and photos are held in memory at once (per side).</summary>
        public const int DefaultMediaBatchUsers = 25;

        public SyncDataKinds Kinds { get; set; } = SyncDataKinds.All;

        /// <summary>
        /// Which users: exact user ids or wildcard patterns (<c>*</c>, <c>?</c>), e.g. <c>10*</c>. Empty = everyone.
        /// An exact id that is on neither device is reported as a Failed item.
        /// </summary>
        public IReadOnlyCollection<string> UserIds { get; set; } = Array.Empty<string>();

        /// <summary>Users to leave out, same syntax as <see cref="UserIds"/>.</summary>
        public IReadOnlyCollection<string> ExcludeUserIds { get; set; } = Array.Empty<string>();

        /// <summary>
        /// Make the destination equal to the source for the users in scope: remove destination-only users and the
        /// fingerprints, faces and photos the source does not have. Off: nothing on the destination is removed.
        /// </summary>
        public bool Mirror { get; set; }

        /// <summary>
        /// Read back what was written and compare (faces and photos as written, users and templates in one bulk read of
        /// the final state); a mismatch is re-sent once, then fails the item.
        /// </summary>
        public bool Verify { get; set; } = true;

        /// <summary>
        /// The read-back proves more than the 119 hash of each upload, so with Verify the hash request is left out.
        /// </summary>
        internal Protocol.Client.ZkUploadCheck UploadCheck =>
            Verify ? Protocol.Client.ZkUploadCheck.CallerReadsBack : Protocol.Client.ZkUploadCheck.Hash;

        /// <summary>Read and compare only; write nothing (no disable either). Results describe what would
        /// happen.</summary>
        public bool WhatIf { get; set; }

        /// <summary>Cut names and passwords that do not fit the destination's fields (reported in Notes) instead of
        /// failing the user.</summary>
        public bool AllowTruncation { get; set; }

        /// <summary>Also compare and copy faces the device learned during verification (FaceID 31-33); they change by
        /// themselves.</summary>
        public bool IncludeLearnedFaces { get; set; }

        public int MaxBatchBytes { get; set; } = DefaultMaxBatchBytes;
        public int MaxBatchUsers { get; set; } = DefaultMaxBatchUsers;
        public int MediaBatchUsers { get; set; } = DefaultMediaBatchUsers;

        /// <summary>Default of <see cref="ThrottleLimit"/>: see its remarks.</summary>
        public const int DefaultThrottleLimit = 64;

        /// <summary>How many destinations are synced at the same time.</summary>
        /// <remarks>
        /// The work is waiting on terminals (~0.1 s of device time per request, bench/README.md "Fleets"), not CPU:
        /// each
        /// destination synced at once adds one TCP session and its plan (~1 MB per 1,000 users), and the source's faces
        /// and photos are read once and shared whatever the limit. So up to 64 destinations finish in about the time of
        /// one; a lower limit runs them in rounds (8 destinations at a limit of 4 take two rounds).
        /// </remarks>
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        /// <summary>
        /// Asked before each removal (Mirror). May be called from worker threads; a caller with a single UI thread can
        /// queue the request to its pipeline thread and complete the task there. Null = confirmed. All removals are
        /// asked before anything is written, all at once: the calls are made in order without waiting for each
        /// answer, so such a caller answers the whole queue in one turn of its thread instead of one hop per user.
        /// </summary>
        public Func<SyncConfirmation, CancellationToken, Task<bool>>? ConfirmAsync { get; set; }

        /// <summary>
        /// Asked once per source user that may be written (created, changed, or with faces or photos still to compare),
        /// after planning and before anything is written; ignored in WhatIf mode. Null = confirmed. A declined user is
        /// written nothing and reported Skipped with "not confirmed". A caller can ask once per user here.
        /// Same threading, and asked all at once in order, as <see cref="ConfirmAsync"/>.
        /// </summary>
        public Func<SyncConfirmation, CancellationToken, Task<bool>>? ConfirmWriteAsync { get; set; }

        /// <summary>Each result as soon as it is final. Calls are serialized by the engine.</summary>
        public Action<SyncItemResult>? OnItem { get; set; }

        /// <summary>Each destination's summary when it ends. Calls are serialized by the engine.</summary>
        public Action<SyncSummary>? OnSummary { get; set; }

        public IProgress<SyncProgress>? Progress { get; set; }

        public ILogger? Logger { get; set; }

        internal void Validate()
        {
            if (MaxBatchBytes < 4096)
                throw new ArgumentOutOfRangeException(nameof(MaxBatchBytes), "MaxBatchBytes must be at least 4096.");
            if (MaxBatchUsers < 1)
                throw new ArgumentOutOfRangeException(nameof(MaxBatchUsers), "MaxBatchUsers must be at least 1.");
            if (MediaBatchUsers < 1)
                throw new ArgumentOutOfRangeException(nameof(MediaBatchUsers), "MediaBatchUsers must be at least 1.");
            if (ThrottleLimit < 1)
                throw new ArgumentOutOfRangeException(nameof(ThrottleLimit), "ThrottleLimit must be at least 1.");
        }
    }

    /// <summary>Where a destination's run is, for progress bars (one step per phase).</summary>
    public readonly struct SyncProgress
    {
        public SyncProgress(string destination, string phase, int done, int total, SyncEndpoint? endpoint = null)
        {
            Destination = destination;
            Phase = phase;
            Done = done;
            Total = total;
            Endpoint = endpoint;
        }

        public string Destination { get; }

        /// <summary>The destination, as the caller gave it to the run.</summary>
        public SyncEndpoint? Endpoint { get; }

        public string Phase { get; }
        public int Done { get; }
        public int Total { get; }
    }
}
