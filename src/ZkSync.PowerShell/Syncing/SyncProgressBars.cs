using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.Sync;

namespace ZkSync.PowerShell.Syncing
{
    /// <summary>
    /// One parent progress bar for a run and one child bar per destination (ParentActivityId), fed on the pipeline
    /// thread from the engine's <see cref="SyncProgress"/>. Every bar that was shown is completed.
    /// </summary>
    internal sealed class SyncProgressBars
    {
        private const int ParentId = 1;
        private readonly ZkCmdlet _cmdlet;
        private readonly ProgressReporter _parent;
        private readonly Dictionary<SyncEndpoint, ProgressReporter> _children =
            new Dictionary<SyncEndpoint, ProgressReporter>();
        private readonly string _childActivity;
        private readonly int _destinations;
        private int _done;
        private int _nextChildId = ParentId + 1; // never reused: a closed bar's id must not come back
        private bool _parentShown;

        /// <param name="activity">The run, e.g. "Syncing from 127.0.0.1:4370".</param>
        /// <param name="childActivity">Per destination, with {0} for its name, e.g. "Syncing to {0}".</param>
        /// <param name="destinations">How many destinations the run has (the parent bar counts them done); 0 =
        /// unknown.</param>
        public SyncProgressBars(ZkCmdlet cmdlet, string activity, string childActivity, int destinations = 0)
        {
            _cmdlet = cmdlet;
            _childActivity = childActivity;
            _destinations = destinations;
            _parent = new ProgressReporter(cmdlet.WriteProgress, ParentId, activity);
        }

        /// <param name="destination">The destination's bar is found by this endpoint object.</param>
        /// <param name="name">The destination as the bar shows it.</param>
        public void Report(SyncEndpoint destination, string name, SyncProgress progress)
        {
            if (!_parentShown)
            {
                ReportParent();
                _parentShown = true;
            }
            if (!_children.TryGetValue(destination, out ProgressReporter? bar))
            {
                string activity = string.Format(CultureInfo.InvariantCulture, _childActivity, name);
                bar = new ProgressReporter(_cmdlet.WriteProgress, _nextChildId++, activity, ParentId);
                _children[destination] = bar;
            }
            bar.Report(progress.Phase, progress.Done, progress.Total);
        }

        /// <summary>A destination finished: its bar closes and the parent counts it.</summary>
        public void Complete(SyncEndpoint destination)
        {
            if (_children.TryGetValue(destination, out ProgressReporter? bar)) bar.Complete();
            _children.Remove(destination);
            _done++;
            if (_parentShown) ReportParent();
        }

        private void ReportParent() =>
            _parent.Report(_destinations > 0 ? $"{_done} of {_destinations} destinations done" : "Destinations", _done,
                _destinations, always: true);

        /// <summary>Closes every open bar and the parent (also after a failure or Ctrl+C).</summary>
        public void CompleteAll()
        {
            foreach (ProgressReporter bar in _children.Values) bar.Complete();
            _children.Clear();
            _parent.Complete();
        }
    }
}
