using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace ZkSync.Emulator.Tests.Interop
{
    /// <summary>
    /// node-zklib against the face profile with no comm key, which answers CONNECT with ACK_UNAUTH like a ZMM220_TFT.
    /// node-zklib 1.3.0 never looks at the CONNECT reply code and never sends CMD_AUTH (zklibtcp.js <c>connect()</c>
    /// resolves on any reply; <c>executeCmd</c> only takes the session id from it): it works because a keyless
    /// ZMM220_TFT serves commands sent without CMD_AUTH, as fpmachine's <c>ZMM220_TFT.connect(0)</c> relies on too.
    /// </summary>
    public class NodeZklibFaceProfileTests
    {
        [NodeFact]
        public async Task Node_zklib_reads_a_keyless_face_terminal_that_answers_connect_with_unauth()
        {
            using var emu = await Emu.Start("face", 40, configure: o =>
                o.LargeDataPacketGap = TimeSpan.FromMilliseconds(20)
            );
            Assert.True(emu.Profile.UnauthOnConnect);
            using var doc = NodeZklibInteropTests.Read(emu.Port, "tcp");

            var tcp = doc.RootElement.GetProperty("tcp");
            NodeZklibInteropTests.AssertNoErrors(tcp);
            Assert.Equal(
                emu.State.Users.Select(u => u.Pin2).ToList(),
                tcp.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("userId").GetString()!).ToList()
            );
            Assert.Equal(emu.State.UserTable(), NodeZklibInteropTests.Raw(tcp, "rawUsers"));
            Assert.Equal(0, emu.Counters.SlotsFullRefusals);
            Assert.Equal(1, emu.Counters.Exits); // node-zklib's disconnect() says goodbye
        }
    }
}
