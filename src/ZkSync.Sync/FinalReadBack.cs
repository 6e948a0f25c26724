using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;

namespace ZkSync.Sync
{
    /// <summary>
    /// After the last write to a destination (the writes that enable staged users included): one bulk read of the user
    /// table (and of the templates when any were written) shows what the device finally holds for every user written
    /// and every removal. A user held differently (disabled, another field, a template missing) is sent once more and
    /// read again; what still differs fails the user with what the device holds. Faces and photos were read back as
    /// written.
    /// </summary>
    internal sealed class FinalReadBack
    {
        private readonly SyncRunContext _run;
        private readonly ISyncDevice _device;
        private readonly SyncPlan _plan;
        private readonly IReadOnlyDictionary<UserPlan, UserOutcome> _outcomes;
        private readonly Func<CancellationToken, Task> _beforeWrite;

        public FinalReadBack(SyncRunContext run, ISyncDevice device, SyncPlan plan,
            IReadOnlyDictionary<UserPlan, UserOutcome> outcomes, Func<CancellationToken, Task> beforeWrite)
        {
            _run = run;
            _device = device;
            _plan = plan;
            _outcomes = outcomes;
            _beforeWrite = beforeWrite;
        }

        public async Task RunAsync(CancellationToken ct)
        {
            var written = _plan.SourceUsers.Select(p => _outcomes[p])
                .Where(o => o.IsOpen
                    && (o.Plan.NeedsBatch || o.Plan.FingerprintsToDelete.Count > 0 || o.WasHeldDisabled))
                .ToList();
            var removed = _plan.Removals.Select(p => _outcomes[p])
                .Where(o => o.Outcome(SyncDataKinds.Users) == KindOutcome.Written).ToList();
            if (written.Count == 0 && removed.Count == 0) return;
            await _run.ReadBacks.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                await ReadBackAsync(written, removed, ct).ConfigureAwait(false);
            }
            finally
            {
                _run.ReadBacks.Release();
            }
        }

        private async Task ReadBackAsync(List<UserOutcome> written, List<UserOutcome> removed, CancellationToken ct)
        {
            _run.Sink.Progress(_device.Name, "Reading back the final state", 0, 1);
            bool fingers = written.Any(o => o.Plan.FingerprintsToWrite.Count > 0
                || o.Plan.FingerprintsToDelete.Count > 0);
            var after = await DeviceSnapshot.ReadAsync(_device, fingers, ct).ConfigureAwait(false);

            var differing = written.Where(o => Differences(o, after).Any()).ToList();
            if (differing.Count > 0)
            {
                _run.Sink.Progress(_device.Name, "Re-sending users the device did not hold", 0, 1);
                string? resendError = await ResendAsync(differing, after, ct).ConfigureAwait(false);
                after = await DeviceSnapshot.ReadAsync(_device, fingers, ct).ConfigureAwait(false);
                foreach (var o in differing) Judge(o, after, resendError);
            }
            foreach (var o in removed)
            {
                if (after.Users.ContainsKey(o.UserId))
                    o.Fail(SyncDataKinds.Users, "verify: user is still on the destination");
            }
        }

        /// <summary>
        /// The record the device should hold now: disabled while held back for faces or a photo that failed.
        /// </summary>
        private static ZkUser Expected(UserOutcome o) =>
            o.HeldDisabled ? UserBatcher.StagedRecord(o.Plan) : UserBatcher.FinalRecord(o.Plan);

        private static bool ChecksRecord(UserOutcome o) => o.Plan.WriteUserRecord || o.WasHeldDisabled;

        private static IEnumerable<string> Differences(UserOutcome o, DeviceSnapshot after)
        {
            if (!after.Users.TryGetValue(o.UserId, out var stored)) return new[] { "missing" };
            var record = ChecksRecord(o) ? SyncEquality.UserDifferences(Expected(o), stored) : new List<string>();
            return after.FingerprintsRead ? record.Concat(FingerProblems(o, after.FingerprintsOf(o.UserId))) : record;
        }

        /// <summary>
        /// One batch with each differing user's expected record and its templates the device does not hold.
        /// </summary>
        private async Task<string?> ResendAsync(IReadOnlyList<UserOutcome> differing, DeviceSnapshot after,
            CancellationToken ct)
        {
            var entries = differing.Select(o => new UserWithFingerprints(Expected(o),
                SyncEquality.Fingerprints(o.Plan.FingerprintsToWrite, after.FingerprintsOf(o.UserId)).Missing))
                .ToList();
            try
            {
                await _beforeWrite(ct).ConfigureAwait(false);
                await _device.WriteUsersAsync(entries, _run.Options.UploadCheck, ct).ConfigureAwait(false);
                return null;
            }
            catch (Exception ex) when (SyncErrors.IsItemLevel(ex))
            {
                return ZkException.WithoutDevice(ex);
            }
        }

        /// <summary>
        /// After the re-send: what the device still holds differently fails the user, saying what it holds.
        /// </summary>
        private static void Judge(UserOutcome o, DeviceSnapshot after, string? resendError)
        {
            string resent = resendError == null ? "sent twice" : "re-sending failed: " + resendError;
            if (!after.Users.TryGetValue(o.UserId, out var stored))
            {
                o.FailUser($"verify: user is not on the destination after writing ({resent})");
                return;
            }
            bool failed = false;
            if (ChecksRecord(o))
            {
                var expected = Expected(o);
                var differs = SyncEquality.UserDifferences(expected, stored);
                if (differs.Count > 0)
                {
                    string holds = string.Join(", ", differs.Select(f => Holds(f, stored)));
                    o.Fail(SyncDataKinds.Users, $"verify: the destination holds {holds} ({resent})");
                    failed = true;
                }
            }
            if (after.FingerprintsRead)
            {
                var problems = FingerProblems(o, after.FingerprintsOf(o.UserId));
                if (problems.Count > 0)
                {
                    o.Fail(SyncDataKinds.Fingerprints, "verify: " + string.Join(", ", problems));
                    failed = true;
                }
            }
            if (!failed) o.Note("the first write did not hold; sent again and read back");
        }

        /// <summary>A field as the device holds it, for the reason of a failed user.</summary>
        private static string Holds(string field, ZkUser stored) => field switch
        {
            "Enabled" => stored.Enabled ? "the user enabled" : "the user disabled",
            "Name" => $"Name '{stored.Name}'",
            "Password" => "another Password",
            "Privilege" => $"Privilege {stored.Privilege}",
            "Card" => $"Card {stored.Card}",
            "Group" => $"Group {stored.Group}",
            "TimeZones" => "TimeZones " + BitConverter.ToString(stored.TimeZones),
            _ => "another " + field,
        };

        private static List<string> FingerProblems(UserOutcome o, IReadOnlyList<ZkFingerprint> stored)
        {
            var diff = SyncEquality.Fingerprints(o.Plan.FingerprintsToWrite, stored);
            var problems = diff.MissingDetails.ToList();
            // Firmware ACKs batch templates it does not keep (capacity reached, another algorithm); say so, as only
            // this read shows it.
            if (problems.Count > 0)
            {
                problems[problems.Count - 1] +=
                    " (the device acknowledged the write but did not keep it: full, or not its fingerprint algorithm)";
            }
            foreach (var f in o.Plan.FingerprintsToDelete)
            {
                if (stored.Any(s => s.FingerIndex == f.FingerIndex))
                    problems.Add($"finger {f.FingerIndex} still on the destination");
            }
            return problems;
        }
    }
}
