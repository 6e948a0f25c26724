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
    /// Source faces and photos, read a batch of users at a time and shared by the destinations syncing concurrently. A
    /// batch is dropped once every destination that joined has released it. Destinations ahead of the slowest wait when
    /// <c>window</c> batches are held, so memory stays bounded; the slowest never waits, so nobody deadlocks. A destination
    /// that joins late re-reads batches already dropped (correct, just more source traffic).
    /// Read-ahead: a destination that joins with kinds to read ahead gets the next batches loaded (up to the window)
    /// while it is still writing users or the previous batch, so the source link works while the destination's does;
    /// without it the two links would take turns.
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
        private TaskCompletionSource<bool> _changed = NewSignal();
        private SyncDataKinds _readAhead;

        public SourceMediaCache(ISyncDevice source, IReadOnlyList<IReadOnlyList<string>> batches, int window, CancellationToken runToken)
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

        public int HeldBatches
        {
            get { lock (_gate) return _entries.Count; }
        }

        /// <param name="readAhead">Kinds to load ahead of this consumer's requests (none: load on request only).</param>
        public Consumer Join(SyncDataKinds readAhead = 0)
        {
            lock (_gate)
            {
                var c = new Consumer(this);
                _consumers.Add(c);
                foreach (var e in _entries.Values) e.Pending.Add(c);
                _readAhead |= readAhead;
                ReadAhead(0);
                return c;
            }
        }

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

        /// <summary>Frees the stop source and the source lock; call after <see cref="StopAsync"/>, when no load runs.</summary>
        public void Dispose()
        {
            _stop.Dispose();
            _sourceLock.Dispose();
        }

        internal sealed class Consumer : IDisposable
        {
            private readonly SourceMediaCache _cache;
            internal Consumer(SourceMediaCache cache) => _cache = cache;
            internal int Position { get; set; }

            public Task<IReadOnlyDictionary<string, SourceMedia>> GetAsync(int index, SyncDataKinds kinds, CancellationToken ct) => _cache.GetAsync(this, index, kinds, ct);
            public void Release(int index) => _cache.Release(this, index);
            public void Dispose() => _cache.Leave(this);
        }

        private sealed class Entry
        {
            public readonly HashSet<Consumer> Pending = new HashSet<Consumer>();
            public readonly Dictionary<string, SourceMedia> Media = new Dictionary<string, SourceMedia>(StringComparer.Ordinal);
            public Task? Faces;
            public Task? Photos;
        }

        private async Task<IReadOnlyDictionary<string, SourceMedia>> GetAsync(Consumer consumer, int index, SyncDataKinds kinds, CancellationToken ct)
        {
            Entry entry;
            while (true)
            {
                Task wait;
                lock (_gate)
                {
                    consumer.Position = index;
                    if (_entries.TryGetValue(index, out entry!)) break;
                    bool slowest = _consumers.All(o => o.Position >= index);
                    if (_entries.Count < _window || slowest)
                    {
                        entry = NewEntry(index);
                        break;
                    }
                    wait = _changed.Task;
                }
                await WaitAsync(wait, ct).ConfigureAwait(false);
            }

            Task faces, photos;
            lock (_gate)
            {
                Start(entry, index, kinds);
                faces = entry.Faces ?? Task.CompletedTask;
                photos = entry.Photos ?? Task.CompletedTask;
                ReadAhead(index + 1);
            }
            await WaitAsync(Task.WhenAll(faces, photos), ct).ConfigureAwait(false);
            await Task.WhenAll(faces, photos).ConfigureAwait(false); // rethrows a load failure
            return entry.Media;
        }

        /// <summary>Under the gate: a new held batch, pending for every consumer not past it.</summary>
        private Entry NewEntry(int index)
        {
            var entry = new Entry();
            foreach (var c in _consumers.Where(c => c.Position <= index)) entry.Pending.Add(c);
            foreach (var id in _batches[index]) entry.Media[id] = new SourceMedia();
            _entries[index] = entry;
            return entry;
        }

        /// <summary>Under the gate: starts the loads of <paramref name="kinds"/> not yet started for the batch.</summary>
        private void Start(Entry entry, int index, SyncDataKinds kinds)
        {
            if (kinds.Has(SyncDataKinds.Faces) && entry.Faces == null) entry.Faces = Track(LoadAsync(entry, index, SyncDataKinds.Faces));
            if (kinds.Has(SyncDataKinds.Photos) && entry.Photos == null) entry.Photos = Track(LoadAsync(entry, index, SyncDataKinds.Photos));
        }

        /// <summary>
        /// Under the gate: loads batches from <paramref name="from"/> on while the window has room. Batches every consumer is
        /// past are not read again. Loads queue on the source in batch order, so a consumer's next batch comes first.
        /// </summary>
        private void ReadAhead(int from)
        {
            if (_readAhead == 0 || _stop.IsCancellationRequested) return;
            for (int i = from; i < _batches.Count && _entries.Count < _window; i++)
            {
                if (_entries.ContainsKey(i)) continue;
                if (!_consumers.Any(c => c.Position <= i)) continue;
                Start(NewEntry(i), i, _readAhead);
            }
        }

        /// <summary>Under the gate: remembers a load so <see cref="StopAsync"/> can wait for it; finished ones are forgotten.</summary>
        private Task Track(Task load)
        {
            _loads.RemoveAll(t => t.IsCompleted);
            _loads.Add(load);
            // A read ahead that failed (connection lost) may never be awaited by a consumer: observe it here.
            _ = load.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
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
                        if (kind == SyncDataKinds.Faces) media.Faces = await _source.GetFacesAsync(id, _runToken).ConfigureAwait(false);
                        else media.Photo = await _source.GetPhotoAsync(id, _runToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (SyncErrors.IsItemLevel(ex))
                    {
                        // One user's unreadable faces fail that user's kind, not the batch.
                        if (kind == SyncDataKinds.Faces) media.FacesError = "source: " + ex.Message;
                        else media.PhotoError = "source: " + ex.Message;
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
                consumer.Position = index + 1;
                if (_entries.TryGetValue(index, out var e))
                {
                    e.Pending.Remove(consumer);
                    if (e.Pending.Count == 0) _entries.Remove(index);
                }
                ReadAhead(index + 1);
                Signal();
            }
        }

        private void Leave(Consumer consumer)
        {
            lock (_gate)
            {
                _consumers.Remove(consumer);
                foreach (var kv in _entries.ToList())
                {
                    kv.Value.Pending.Remove(consumer);
                    if (kv.Value.Pending.Count == 0) _entries.Remove(kv.Key);
                }
                Signal();
            }
        }

        private void Signal()
        {
            var old = _changed;
            _changed = NewSignal();
            old.TrySetResult(true);
        }

        private static TaskCompletionSource<bool> NewSignal() => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        private static async Task WaitAsync(Task task, CancellationToken ct)
        {
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (ct.Register(() => cancelled.TrySetResult(true)))
                await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
        }
    }
}
