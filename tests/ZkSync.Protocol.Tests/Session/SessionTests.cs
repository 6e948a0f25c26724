using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;
using ZkSync.Protocol.Tests.Scripted;

namespace ZkSync.Protocol.Tests.Session
{
    public class SessionTests
    {
        /// <summary>Answers CONNECT with OK and every other command with OK + the command number as payload.</summary>
        private static Func<Packet, IPeerLink, Task> Echo(Func<Packet, IPeerLink, Task<bool>>? before = null) =>
            async (p, link) =>
            {
                if (before != null && await before(p, link))
                    return;
                if (p.Command == CommandCode.Connect)
                {
                    await link.SendAsync(Replies.Ok(p));
                    return;
                }
                if (p.Command == ReplyCode.Ok)
                    return; // event acknowledgement: devices never answer it
                await link.SendAsync(Replies.Ok(p, BitConverter.GetBytes(p.Command)));
            };

        [Theory]
        [InlineData(ZkTransportKind.Tcp)]
        [InlineData(ZkTransportKind.Udp)]
        public async Task Connect_keeps_the_session_id_and_numbers_requests_from_zero(ZkTransportKind kind)
        {
            using var peer = kind == ZkTransportKind.Tcp ? ScriptedPeer.Tcp(Echo()) : ScriptedPeer.Udp(Echo());
            using var session = await Sessions.OpenAsync(Sessions.Options(peer.Port, kind));
            Assert.Equal(Replies.Session, session.SessionId);
            var reply = await session.RunAsync(x => x.RequestAsync(CommandCode.GetTime), default);
            Assert.Equal(CommandCode.GetTime, BitConverter.ToUInt16(reply.Payload));
            var sent = peer.Received;
            Assert.Equal(0, sent[0].ReplyId);
            Assert.Equal(0, sent[0].SessionId);
            Assert.Equal(1, sent[1].ReplyId);
            Assert.Equal(Replies.Session, sent[1].SessionId);
        }

        [Fact]
        public async Task Reply_ids_wrap_through_65535_to_0()
        {
            using var peer = ScriptedPeer.Tcp(Echo());
            using var session = await Sessions.OpenAsync(Sessions.Options(peer.Port, ZkTransportKind.Tcp));
            session.LastReplyId = 65534;
            await session.RunAsync(x => x.RequestAsync(CommandCode.GetTime), default);
            await session.RunAsync(x => x.RequestAsync(CommandCode.GetTime), default);
            var ids = peer.Received.Skip(1).Select(p => (int)p.ReplyId).ToArray();
            Assert.Equal(new[] { 65535, 0 }, ids);
        }

        [Fact]
        public async Task Wrong_comm_key_is_an_authentication_error()
        {
            using var peer = ScriptedPeer.Tcp(
                async (p, link) =>
                {
                    if (p.Command == CommandCode.Connect)
                        await link.SendAsync(Replies.To(p, ReplyCode.Unauthorized));
                    else if (p.Command == CommandCode.Auth)
                        await link.SendAsync(
                            Replies.To(
                                p,
                                CommKey.Matches(p.Payload, 12, Replies.Session) ? ReplyCode.Ok : ReplyCode.Unauthorized
                            )
                        );
                }
            );
            var ex = await Assert.ThrowsAsync<ZkAuthenticationException>(() =>
                Sessions.OpenAsync(Sessions.Options(peer.Port, ZkTransportKind.Tcp, commKey: 13))
            );
            Assert.Contains("comm key refused", ex.Message);
            Assert.Contains("127.0.0.1:" + peer.Port + "/tcp", ex.Message);
            Assert.DoesNotContain("13", ex.Message.Replace(peer.Port.ToString(CultureInfo.InvariantCulture), ""));

            using var good = await Sessions.OpenAsync(Sessions.Options(peer.Port, ZkTransportKind.Tcp, commKey: 12));
            var auth = peer.Received.Last(p => p.Command == CommandCode.Auth);
            Assert.Equal(Replies.Session, auth.SessionId);
            Assert.Equal(1, auth.ReplyId);
        }

        [Fact]
        public async Task Unauth_on_connect_without_a_key_sends_auth_derived_from_0_and_a_refusal_names_CommKey()
        {
            // A ZMM220_TFT answers CONNECT with ACK_UNAUTH even with no key set: the engine answers with CMD_AUTH for
            // key 0.
            using var peer = ScriptedPeer.Tcp(
                async (p, link) =>
                {
                    if (p.Command == CommandCode.Connect)
                        await link.SendAsync(Replies.To(p, ReplyCode.Unauthorized));
                    else if (p.Command == CommandCode.Auth)
                        await link.SendAsync(Replies.To(p, ReplyCode.Unauthorized));
                }
            );
            var ex = await Assert.ThrowsAsync<ZkAuthenticationException>(() =>
                Sessions.OpenAsync(Sessions.Options(peer.Port, ZkTransportKind.Tcp))
            );
            Assert.Contains("requires a comm key", ex.Message);
            Assert.Contains("-CommKey", ex.Message);
            var auth = Assert.Single(peer.Received, p => p.Command == CommandCode.Auth);
            Assert.True(CommKey.Matches(auth.Payload, 0, Replies.Session));
        }

        [Theory]
        [InlineData(ReplyCode.Ok)]
        [InlineData(ReplyCode.Unauthorized)]
        public async Task No_key_connects_whether_connect_answers_ok_or_unauth(ushort connectAnswer)
        {
            using var peer = ScriptedPeer.Tcp(
                Echo(
                    async (p, link) =>
                    {
                        if (p.Command == CommandCode.Connect)
                        {
                            await link.SendAsync(Replies.To(p, connectAnswer));
                            return true;
                        }
                        if (p.Command == CommandCode.Auth)
                        {
                            await link.SendAsync(
                                Replies.To(
                                    p,
                                    CommKey.Matches(p.Payload, 0, Replies.Session)
                                        ? ReplyCode.Ok
                                        : ReplyCode.Unauthorized
                                )
                            );
                            return true;
                        }
                        return false;
                    }
                )
            );
            using var session = await Sessions.OpenAsync(Sessions.Options(peer.Port, ZkTransportKind.Tcp));
            await session.RunAsync(x => x.RequestAsync(CommandCode.GetTime), default);
            Assert.Equal(
                connectAnswer == ReplyCode.Unauthorized ? 1 : 0,
                peer.Received.Count(p => p.Command == CommandCode.Auth)
            );
        }

        [Fact]
        public async Task Connect_answered_6001_with_auth_refused_is_a_session_refusal_naming_the_firmware()
        {
            using var peer = ScriptedPeer.Tcp(
                async (p, link) =>
                    await link.SendAsync(
                        Replies.To(
                            p,
                            p.Command == CommandCode.Connect ? ReplyCode.NewFirmwareConnect : ReplyCode.Unauthorized
                        )
                    )
            );
            var ex = await Assert.ThrowsAsync<ZkSessionRefusedException>(() =>
                Sessions.OpenAsync(Sessions.Options(peer.Port, ZkTransportKind.Tcp, commKey: 5))
            );
            Assert.Equal(ZkSessionRefusalReason.NewFirmwareHandshake, ex.Refusal);
            Assert.Contains("6001", ex.Message);
            Assert.Contains("pyzk#253", ex.Message);
            Assert.Single(peer.Received, p => p.Command == CommandCode.Auth);
        }

        [Fact]
        public async Task Connect_answered_ack_error_means_every_session_slot_is_taken()
        {
            using var peer = ScriptedPeer.Tcp(async (p, link) => await link.SendAsync(Replies.To(p, ReplyCode.Error)));
            var ex = await Assert.ThrowsAsync<ZkSessionRefusedException>(() =>
                Sessions.OpenAsync(Sessions.Options(peer.Port, ZkTransportKind.Tcp))
            );
            Assert.Equal(ZkSessionRefusalReason.SlotsFull, ex.Refusal);
            Assert.Contains("session slots are taken", ex.Message);
            Assert.Contains("Disconnect-ZkDevice", ex.Message);
        }

        [Fact]
        public async Task Events_before_a_reply_are_acknowledged_and_skipped()
        {
            using var peer = ScriptedPeer.Tcp(
                Echo(
                    async (p, link) =>
                    {
                        if (p.Command != CommandCode.GetTime)
                            return false;
                        // Two events coalesced with the reply in one write: the framer must cut them apart.
                        var evt1 = TcpEnvelope.Wrap(
                            new Packet(CommandCode.RegisterEvent, 1, 0, Hex.Bytes("f19449000000120c07130906")).Encode()
                        );
                        var evt2 = TcpEnvelope.Wrap(new Packet(CommandCode.RegisterEvent, 1, 0, new byte[32]).Encode());
                        var reply = TcpEnvelope.Wrap(Replies.Ok(p, new byte[] { 7 }).Encode());
                        await link.SendRawAsync(evt1.Concat(evt2).Concat(reply).ToArray());
                        return true;
                    }
                )
            );
            using var session = await Sessions.OpenAsync(Sessions.Options(peer.Port, ZkTransportKind.Tcp));
            var r = await session.RunAsync(x => x.RequestAsync(CommandCode.GetTime), default);
            Assert.Equal(new byte[] { 7 }, r.Payload);
            await Until(() => peer.Received.Count(p => p.Command == ReplyCode.Ok) == 2);
            var acks = peer.Received.Where(p => p.Command == ReplyCode.Ok).ToList();
            Assert.All(acks, a => { Assert.Empty(a.Payload); Assert.Equal(Replies.Session, a.SessionId); });
        }

        [Theory]
        [InlineData(ZkTransportKind.Tcp)]
        [InlineData(ZkTransportKind.Udp)]
        public async Task Stale_reply_ids_and_bad_checksums_are_ignored(ZkTransportKind kind)
        {
            Func<Packet, IPeerLink, Task<bool>> script = async (p, link) =>
            {
                if (p.Command != CommandCode.GetTime) return false;
                var stale = new Packet(ReplyCode.Ok, Replies.Session, (ushort)(p.ReplyId - 1), new byte[] { 1 });
                var corrupt = Replies.Corrupt(Replies.Ok(p, new byte[] { 2 }));
                await link.SendAsync(stale);
                await link.SendRawAsync(kind == ZkTransportKind.Tcp ? TcpEnvelope.Wrap(corrupt) : corrupt);
                await link.SendAsync(Replies.Ok(p, new byte[] { 3 }));
                return true;
            };
            using var peer =
                kind == ZkTransportKind.Tcp ? ScriptedPeer.Tcp(Echo(script)) : ScriptedPeer.Udp(Echo(script));
            using var session = await Sessions.OpenAsync(Sessions.Options(peer.Port, kind));
            var r = await session.RunAsync(x => x.RequestAsync(CommandCode.GetTime), default);
            Assert.Equal(new byte[] { 3 }, r.Payload);
        }

        [Fact]
        public async Task Reply_split_at_every_awkward_boundary_is_reassembled()
        {
            using var peer = ScriptedPeer.Tcp(Echo(async (p, link) =>
            {
                if (p.Command != CommandCode.GetTime) return false;
                var bytes = TcpEnvelope.Wrap(Replies.Ok(p, new byte[] { 9, 8, 7, 6, 5 }).Encode());
                await link.SendSplitAsync(bytes, 1, 3, 8, 9, 15, 16);
                return true;
            }));
            using var session = await Sessions.OpenAsync(Sessions.Options(peer.Port, ZkTransportKind.Tcp));
            var r = await session.RunAsync(x => x.RequestAsync(CommandCode.GetTime), default);
            Assert.Equal(new byte[] { 9, 8, 7, 6, 5 }, r.Payload);
        }

        [Fact]
        public async Task Udp_resends_a_lost_request_with_the_same_reply_id()
        {
            int seen = 0;
            using var peer = ScriptedPeer.Udp(
                Echo(
                    (p, link) =>
                        Task.FromResult(p.Command == CommandCode.GetTime && Interlocked.Increment(ref seen) == 1)
                )
            );
            using var session = await Sessions.OpenAsync(
                Sessions.Options(peer.Port, ZkTransportKind.Udp, timeoutSeconds: 0.5, retries: 2)
            );
            var r = await session.RunAsync(x => x.RequestAsync(CommandCode.GetTime), default);
            Assert.Equal(CommandCode.GetTime, BitConverter.ToUInt16(r.Payload));
            var times = peer.Received.Where(p => p.Command == CommandCode.GetTime).ToList();
            Assert.Equal(2, times.Count);
            Assert.Equal(times[0].ReplyId, times[1].ReplyId);
            Assert.Equal(times[0].Payload, times[1].Payload);
        }

        [Fact]
        public async Task Udp_ignores_datagrams_from_other_endpoints()
        {
            using var stranger = new System.Net.Sockets.UdpClient(
                new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0)
            );
            ScriptedPeer? peerRef = null;
            using var peer = ScriptedPeer.Udp(
                Echo(
                    async (p, link) =>
                    {
                        if (p.Command != CommandCode.GetTime)
                            return false;
                        // A perfectly valid reply, but from a different port: must be ignored.
                        var fake = Replies.Ok(p, new byte[] { 0xEE }).Encode();
                        await stranger.SendAsync(fake, fake.Length, peerRef!.LastUdpClient!);
                        await Task.Delay(50);
                        await link.SendAsync(Replies.Ok(p, new byte[] { 0x11 }));
                        return true;
                    }
                )
            );
            peerRef = peer;
            using var session = await Sessions.OpenAsync(Sessions.Options(peer.Port, ZkTransportKind.Udp));
            var r = await session.RunAsync(x => x.RequestAsync(CommandCode.GetTime), default);
            Assert.Equal(new byte[] { 0x11 }, r.Payload);
        }

        [Theory]
        [InlineData(ZkTransportKind.Tcp, 0)]
        [InlineData(ZkTransportKind.Udp, 1)]
        public async Task Silence_is_a_timeout_naming_device_and_command(ZkTransportKind kind, int retries)
        {
            Func<Packet, IPeerLink, Task<bool>> mute = (p, link) => Task.FromResult(p.Command == CommandCode.GetTime);
            using var peer = kind == ZkTransportKind.Tcp ? ScriptedPeer.Tcp(Echo(mute)) : ScriptedPeer.Udp(Echo(mute));
            using var session = await Sessions.OpenAsync(
                Sessions.Options(peer.Port, kind, timeoutSeconds: 0.3, retries: retries)
            );
            var ex = await Assert.ThrowsAsync<ZkTimeoutException>(() =>
                session.RunAsync(x => x.RequestAsync(CommandCode.GetTime), default)
            );
            Assert.Equal(CommandCode.GetTime, ex.Command);
            Assert.Equal(session.Device, ex.Device);
            Assert.Equal(1 + retries, peer.Received.Count(p => p.Command == CommandCode.GetTime));
        }

        [Theory]
        [InlineData(ZkTransportKind.Tcp)]
        [InlineData(ZkTransportKind.Udp)]
        [InlineData(ZkTransportKind.Auto)]
        public async Task Closed_loopback_port_is_a_connection_error(ZkTransportKind kind)
        {
            int port = Sessions.ClosedPort();
            var ex = await Assert.ThrowsAsync<ZkConnectionException>(() =>
                Sessions.OpenAsync(Sessions.Options(port, kind, timeoutSeconds: 2))
            );
            Assert.Contains("127.0.0.1:" + port, ex.Message);
        }

        [Fact]
        public async Task Auto_falls_back_to_udp_when_tcp_is_refused()
        {
            using var udpPeer = ScriptedPeer.Udp(Echo());
            // Nothing listens on TCP at that port number (UDP and TCP ports are separate).
            using var session = await Sessions.OpenAsync(Sessions.Options(udpPeer.Port, ZkTransportKind.Auto));
            Assert.Equal(ZkTransportKind.Udp, session.TransportKind);
            Assert.EndsWith("/udp", session.Device);
        }

        [Theory]
        [InlineData("5050827dffffffff")] // 4 GB announced
        [InlineData("5050827d01001000")] // 1 MiB + 1: beyond the limit
        [InlineData("5050827d04000000")] // shorter than a header
        [InlineData("4141414108000000")] // wrong magic
        public async Task Lying_tcp_frames_are_malformed_replies(string prefix)
        {
            using var peer = ScriptedPeer.Tcp(
                Echo(
                    async (p, link) =>
                    {
                        if (p.Command != CommandCode.GetTime)
                            return false;
                        await link.SendRawAsync(Hex.Bytes(prefix + "d007000000000000"));
                        return true;
                    }
                )
            );
            using var session = await Sessions.OpenAsync(Sessions.Options(peer.Port, ZkTransportKind.Tcp));
            var ex = await Assert.ThrowsAsync<ZkMalformedReplyException>(() =>
                session.RunAsync(x => x.RequestAsync(CommandCode.GetTime), default)
            );
            Assert.Equal(CommandCode.GetTime, ex.Command);
            Assert.False(session.IsOpen);
        }

        [Theory]
        [InlineData(ZkTransportKind.Tcp)]
        [InlineData(ZkTransportKind.Udp)]
        public async Task Cancellation_ends_a_wait_promptly_and_closes_the_connection(ZkTransportKind kind)
        {
            Func<Packet, IPeerLink, Task<bool>> mute = (p, link) => Task.FromResult(p.Command == CommandCode.GetTime);
            using var peer = kind == ZkTransportKind.Tcp ? ScriptedPeer.Tcp(Echo(mute)) : ScriptedPeer.Udp(Echo(mute));
            using var session = await Sessions.OpenAsync(Sessions.Options(peer.Port, kind, timeoutSeconds: 120));
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            var wait = session.RunAsync(x => x.RequestAsync(CommandCode.GetTime), cts.Token);
            // Behaviour, not speed: with a 120 s timeout, only cancellation can end the wait within the bound.
            var finished = await Task.WhenAny(wait, Task.Delay(TimeSpan.FromSeconds(20)));
            Assert.Same(wait, finished);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
            Assert.False(session.IsOpen);
        }

        [Fact]
        public async Task Close_sends_exit_so_the_device_frees_the_slot()
        {
            using var peer = ScriptedPeer.Tcp(Echo());
            var session = await Sessions.OpenAsync(Sessions.Options(peer.Port, ZkTransportKind.Tcp));
            await session.CloseAsync();
            Assert.False(session.IsOpen);
            var exit = peer.Received.Last();
            Assert.Equal(CommandCode.Exit, exit.Command);
            Assert.Equal(Replies.Session, exit.SessionId);
        }

        [Fact]
        public async Task Traffic_counts_bytes_and_requests_including_the_tcp_envelope()
        {
            using var peer = ScriptedPeer.Tcp(Echo());
            using var session = await Sessions.OpenAsync(Sessions.Options(peer.Port, ZkTransportKind.Tcp));
            await session.RunAsync(x => x.RequestAsync(CommandCode.Data, new byte[100]), default);
            Assert.Equal(2, session.Traffic.Requests);
            Assert.Equal(16 + 116, session.Traffic.BytesSent);
            Assert.Equal(16 + 18, session.Traffic.BytesReceived);
            Assert.Equal(100, session.Traffic.UploadedBytes);
        }

        internal static async Task Until(Func<bool> condition)
        {
            for (int i = 0; i < 200 && !condition(); i++) await Task.Delay(10);
            Assert.True(condition());
        }
    }
}
