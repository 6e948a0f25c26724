using Xunit;

namespace ZkSync.Emulator.Tests.Interop
{
    /// <summary>A fact that is skipped, saying why, when node is not on PATH.</summary>
    public sealed class NodeFactAttribute : FactAttribute
    {
        public NodeFactAttribute()
        {
            if (ExternalProcess.FindOnPath("node") == null) Skip = "node is missing: install Node.js (node on PATH) to run the node-zklib interop test.";
        }
    }
}
