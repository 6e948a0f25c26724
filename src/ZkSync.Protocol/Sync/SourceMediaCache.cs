using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Sync
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
    /// </summary>
    internal sealed class SourceMediaCache
    {
        private readonly ISyncDevice _source;
        private readonly IReadOnlyList<IReadOnlyList<string>> _batches;
        private readonly int _window;
        private readonly CancellationToken _runToken;
        private readonly SemaphoreSlim _sourceLock = new SemaphoreSlim(1, 1);
        private readonly object _gate = new object();
        private readonly Dictionary<int, Entry> _entries = new Dictionary<int, Entry>();
        private readonly List<Consumer> _consumers = new List<Consumer>();
        private TaskCompletionSource<bool> _changed = NewSignal();

        public SourceMediaCache(ISyncDevice source, IReadOnlyList<IReadOnlyList<string>> batches, int window, CancellationToken runToken)
        {
            _source = source;
            _batches = batches;
            _window = Math.Max(1, window);
            _runToken = runToken;
        }

        public IReadOnlyList<IReadOnlyList<string>> Batches => _batches;

        /// <summary>How many times a batch's faces or photos were read from the source (for tests and logs).</summary>
        public int SourceBatchReads { get; private set; }

        public int HeldBatches
        {
            get { lock (_gate) return _entries.Count; }
        }

        public Consumer Join()
        {
            lock (_gate)
            {
                var c = new Consumer(this);
                _consumers.Add(c);
                foreach (var e in _entries.Values) e.Pending.Add(c);
                return c;
            }
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
                        entry = new Entry();
                        foreach (var c in _consumers.Where(c => c.Position <= index)) entry.Pending.Add(c);
                        foreach (var id in _batches[index]) entry.Media[id] = new SourceMedia();
                        _entries[index] = entry;
                        break;
                    }
                    wait = _changed.Task;
                }
                await WaitAsync(wait, ct).ConfigureAwait(false);
            }

            Task faces, photos;
            lock (_gate)
            {
                if (kinds.Has(SyncDataKinds.Faces)) entry.Faces ??= LoadAsync(entry, index, SyncDataKinds.Faces);
                if (kinds.Has(SyncDataKinds.Photos)) entry.Photos ??= LoadAsync(entry, index, SyncDataKinds.Photos);
                faces = entry.Faces ?? Task.CompletedTask;
                photos = entry.Photos ?? Task.CompletedTask;
            }
            await WaitAsync(Task.WhenAll(faces, photos), ct).ConfigureAwait(false);
            await Task.WhenAll(faces, photos).ConfigureAwait(false); // rethrows a load failure
            return entry.Media;
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
