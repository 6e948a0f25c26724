using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Protocol.Model;

namespace ZkSync.Sync
{
    /// <summary>Faces and photo of one source user, or why they could not be read.</summary>
    public sealed class SourceMedia
    {
        public IReadOnlyList<ZkFaceRecord> Faces { get; internal set; } = Array.Empty<ZkFaceRecord>();
        public string? FacesError { get; internal set; }
        public byte[]? Photo { get; internal set; }
        public string? PhotoError { get; internal set; }
    }

    /// <summary>
    /// Source faces and photos, read a batch of users at a time and shared by every destination of the run, each kind
    /// of each batch read from the source at most once whatever the throttle. Every destination registers when the run
    /// starts, so the cache knows who will still need a batch. In memory it keeps the batches a destination is using
    /// and the next ones of every active destination (read ahead up to <c>window</c>); a batch still needed by a
    /// destination that is behind or has not started is moved to an encrypted temporary file
    /// (<see cref="MediaSpillFile"/>) and read back from there. So no destination ever waits for another, memory stays
    /// bounded by the window plus one batch per active destination, and the source's link carries each user's media
    /// once. Read-ahead lets the source read while the destinations write users or earlier batches.
    /// </summary>
    internal sealed class SourceMediaCache : IDisposable
    {
        private readonly ISyncDevice _source;
        private readonly IReadOnlyList<IReadOnlyList<string>> _batches;
        private readonly int _window;
        private readonly CancellationTokenSource _stop;
        private readonly CancellationToken _runToken;
        private readonly SemaphoreSlim _sourceLock = new SemaphoreSlim(1, 1);
        private readonly object _gate = new object();
        private readonly Dictionary<int, Entry> _entries = new Dictionary<int, Entry>();
        private readonly List<Consumer> _consumers = new List<Consumer>();
        private readonly List<Task> _loads = new List<Task>();
        private MediaSpillFile? _spill;
        private SyncDataKinds _readAhead;

        public SourceMediaCache(
            ISyncDevice source,
            IReadOnlyList<IReadOnlyList<string>> batches,
            int window,
            CancellationToken runToken
        )
        {
            _source = source;
            _batches = batches;
            _window = Math.Max(1, window);
            _stop = CancellationTokenSource.CreateLinkedTokenSource(runToken);
            _runToken = _stop.Token;
        }

        public IReadOnlyList<IReadOnlyList<string>> Batches => _batches;

        /// <summary>How many times a batch's faces or photos were read from the source (for tests and logs).</summary>
        public int SourceBatchReads { get; private set; }

        /// <summary>Batches held in memory.</summary>
        public int HeldBatches
        {
            get { lock (_gate) return _entries.Count; }
        }

        /// <summary>Most batches held in memory at once during the run.</summary>
        public int PeakHeldBatches { get; private set; }

        /// <summary>Batches moved to the temporary file (each at most once per kind set).</summary>
        public int SpilledBatches { get; private set; }

        /// <summary>Batches read back from the temporary file.</summary>
        public int SpillReads { get; private set; }

        /// <summary>
        /// A destination that may need media later: batches it has not passed are kept (in memory or in the temporary
        /// file)
        /// until it activates and releases them, or leaves.
        /// </summary>
        public Consumer Register()
        {
            lock (_gate)
            {
                var c = new Consumer(this);
                _consumers.Add(c);
                return c;
            }
        }

        /// <summary>Registers and activates at once.</summary>
        /// <param name="readAhead">Kinds to load ahead of this consumer's requests (none: load on request
        /// only).</param>
        public Consumer Join(SyncDataKinds readAhead = 0) => Register().Activate(readAhead);

        /// <summary>Stops reading ahead and waits for source reads in flight, so the source can be closed.</summary>
        public async Task StopAsync()
        {
            Task[] loads;
            lock (_gate)
            {
                _stop.Cancel();
                loads = _loads.ToArray();
            }
            try { await Task.WhenAll(loads).ConfigureAwait(false); }
            catch (Exception) { /* a consumer saw it already, or nobody needs it any more */ }
        }

        /// <summary>Frees the stop source, the source lock and the temporary file; call after <see
        /// cref="StopAsync"/>.</summary>
        public void Dispose()
        {
            _stop.Dispose();
            _sourceLock.Dispose();
            lock (_gate)
            {
                _spill?.Dispose();
                _spill = null;
            }
        }

        internal sealed class Consumer : IDisposable
        {
            private readonly SourceMediaCache _cache;
            internal Consumer(SourceMediaCache cache) => _cache = cache;

            /// <summary>The next batch this consumer needs (every batch from here on is kept for it).</summary>
            internal int Position { get; set; }

            internal int? Using { get; set; }
            internal bool Active { get; set; }
            internal SyncDataKinds Kinds { get; set; }
            internal bool Left { get; set; }

            /// <summary>Starts using the cache: batches are read ahead of it for <paramref
            /// name="readAhead"/>.</summary>
            public Consumer Activate(SyncDataKinds readAhead = 0)
            {
                _cache.Activate(this, readAhead);
                return this;
            }

            public Task<IReadOnlyDictionary<string, SourceMedia>> GetAsync(
                int index,
                SyncDataKinds kinds,
                CancellationToken ct
            ) => _cache.GetAsync(this, index, kinds, ct);

            public void Release(int index) => _cache.Release(this, index);

            /// <summary>Leaves: this consumer needs nothing more (idempotent).</summary>
            public void Dispose() => _cache.Leave(this);
        }

        private sealed class Entry
        {
            public readonly Dictionary<string, SourceMedia> Media = new Dictionary<string, SourceMedia>(
                StringComparer.Ordinal
            );
            public Task? Faces;
            public Task? Photos;

            public bool Loading => (Faces != null && !Faces.IsCompleted) || (Photos != null && !Photos.IsCompleted);
            public bool Failed =>
                (Faces?.IsFaulted ?? false)
                || (Photos?.IsFaulted ?? false)
                || (Faces?.IsCanceled ?? false)
                || (Photos?.IsCanceled ?? false);

            public SyncDataKinds Loaded =>
                (Faces != null && Faces.Status == TaskStatus.RanToCompletion ? SyncDataKinds.Faces : 0)
                | (Photos != null && Photos.Status == TaskStatus.RanToCompletion ? SyncDataKinds.Photos : 0);
        }

        private void Activate(Consumer consumer, SyncDataKinds readAhead)
        {
            lock (_gate)
            {
                if (consumer.Left) return;
                consumer.Active = true;
                consumer.Kinds = readAhead;
                _readAhead |= readAhead;
                ReadAhead(consumer);
            }
        }

        private async Task<IReadOnlyDictionary<string, SourceMedia>> GetAsync(Consumer consumer, int index,
            SyncDataKinds kinds, CancellationToken ct)
        {
            Entry entry;
            Task faces, photos;
            lock (_gate)
            {
                consumer.Active = true;
                consumer.Position = index;
                consumer.Using = index;
                if (!_entries.TryGetValue(index, out entry!)) entry = NewEntry(index);
                Start(entry, index, kinds);
                faces = entry.Faces ?? Task.CompletedTask;
                photos = entry.Photos ?? Task.CompletedTask;
                ReadAhead(consumer);
            }
            await WaitAsync(Task.WhenAll(faces, photos), ct).ConfigureAwait(false);
            await Task.WhenAll(faces, photos).ConfigureAwait(false); // rethrows a load failure
            return entry.Media;
        }

        /// <summary>Under the gate: a batch in memory, from the temporary file if it was moved there, else
        /// empty.</summary>
        private Entry NewEntry(int index)
        {
            var entry = new Entry();
            foreach (var id in _batches[index]) entry.Media[id] = new SourceMedia();
            var spilled = _spill?.Read(index, _batches[index], entry.Media) ?? 0;
            if (spilled != 0) SpillReads++;
            if (spilled.Has(SyncDataKinds.Faces)) entry.Faces = Task.CompletedTask;
            if (spilled.Has(SyncDataKinds.Photos)) entry.Photos = Task.CompletedTask;
            _entries[index] = entry;
            PeakHeldBatches = Math.Max(PeakHeldBatches, _entries.Count);
            return entry;
        }

        /// <summary>Under the gate: starts the source loads of <paramref name="kinds"/> not yet loaded for the
        /// batch.</summary>
        private void Start(Entry entry, int index, SyncDataKinds kinds)
        {
            if (kinds.Has(SyncDataKinds.Faces) && entry.Faces == null)
                entry.Faces = Track(LoadAsync(entry, index, SyncDataKinds.Faces));
            if (kinds.Has(SyncDataKinds.Photos) && entry.Photos == null)
                entry.Photos = Track(LoadAsync(entry, index, SyncDataKinds.Photos));
        }

        /// <summary>
        /// Under the gate: loads this consumer's next batches not yet read while fewer than the window are held.
        /// Batches in
        /// the temporary file are not read ahead (reading them back is quick). Loads queue on the source in request
        /// order.
        /// </summary>
        private void ReadAhead(Consumer consumer)
        {
            if (_readAhead == 0 || !consumer.Active || _stop.IsCancellationRequested) return;
            var kinds = _readAhead;
            for (int i = consumer.Position; i < _batches.Count && i < consumer.Position + _window
                && _entries.Count < _window; i++)
            {
                if (_entries.ContainsKey(i) || (_spill != null && _spill.Holds(i))) continue;
                Start(NewEntry(i), i, kinds);
            }
        }

        /// <summary>Under the gate: remembers a load so <see cref="StopAsync"/> can wait for it; finished ones are
        /// forgotten.</summary>
        private Task Track(Task load)
        {
            _loads.RemoveAll(t => t.IsCompleted);
            _loads.Add(load);
            // A read ahead that failed (connection lost) may never be awaited by a consumer: observe it here.
            _ = load.ContinueWith(
                t => _ = t.Exception,
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted,
                TaskScheduler.Default
            );
            return load;
        }

        private async Task LoadAsync(Entry entry, int index, SyncDataKinds kind)
        {
            await _sourceLock.WaitAsync(_runToken).ConfigureAwait(false);
            try
            {
                lock (_gate) SourceBatchReads++;
                foreach (var id in _batches[index])
                {
                    var media = entry.Media[id];
                    try
                    {
                        if (kind == SyncDataKinds.Faces)
                            media.Faces = await _source.GetFacesAsync(id, _runToken).ConfigureAwait(false);
                        else
                            media.Photo = await _source.GetPhotoAsync(id, _runToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (SyncErrors.IsItemLevel(ex))
                    {
                        // One user's unreadable faces fail that user's kind, not the batch.
                        if (kind == SyncDataKinds.Faces)
                            media.FacesError = "source: " + ex.Message;
                        else
                            media.PhotoError = "source: " + ex.Message;
                    }
                }
            }
            finally
            {
                _sourceLock.Release();
            }
        }

        private void Release(Consumer consumer, int index)
        {
            lock (_gate)
            {
                consumer.Using = null;
                consumer.Position = Math.Max(consumer.Position, index + 1);
                Trim();
                ReadAhead(consumer);
            }
        }

        private void Leave(Consumer consumer)
        {
            lock (_gate)
            {
                if (consumer.Left) return;
                consumer.Left = true;
                consumer.Using = null;
                _consumers.Remove(consumer);
                Trim();
            }
        }

        /// <summary>
        /// Under the gate: every batch in memory that nobody uses and no active consumer will ask for next is dropped,
        /// or
        /// moved to the temporary file while a consumer behind it (or not started) still needs it.
        /// </summary>
        private void Trim()
        {
            foreach (var kv in _entries.ToList())
            {
                int i = kv.Key;
                var entry = kv.Value;
                if (entry.Loading || _consumers.Any(c => c.Using == i)) continue;
                if (entry.Failed)
                {
                    _entries.Remove(i); // a later request reads the source again
                    continue;
                }
                bool needed = _consumers.Any(c => c.Position <= i);
                if (needed && _consumers.Any(c => c.Active && c.Position <= i && i < c.Position + _window)) continue;
                if (needed && entry.Loaded != 0 && !_stop.IsCancellationRequested)
                {
                    _spill ??= new MediaSpillFile();
                    if (_spill.Write(i, _batches[i], entry.Media, entry.Loaded)) SpilledBatches++;
                }
                _entries.Remove(i);
            }
        }

        private static async Task WaitAsync(Task task, CancellationToken ct)
        {
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (ct.Register(() => cancelled.TrySetResult(true)))
                await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
        }
    }
}
