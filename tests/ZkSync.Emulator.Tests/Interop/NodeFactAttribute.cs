using Xunit;

namespace ZkSync.Emulator.Tests.Interop
{
    /// <summary>
    /// A fact that needs node and npm. Outside CI it is skipped, saying what to install, when either is missing; under
    /// CI (CI=true) it is never skipped, so the test runs and fails with the same message: CI cannot go green with its
    /// interop part unrun.
    /// </summary>
    public sealed class NodeFactAttribute : FactAttribute
    {
        public NodeFactAttribute()
        {
            string? missing = NodePrerequisite.Missing();
            if (missing == null || NodePrerequisite.UnderCi) return;
            Skip = "SKIPPED, interop not checked: " + missing;
        }
    }
}
