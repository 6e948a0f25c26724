using System;
using Xunit;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Session;

namespace ZkSync.Protocol.Tests.Session
{
    public class RetransmissionTimerTests
    {
        private static TimeSpan Ms(double ms) => TimeSpan.FromTicks((long)(ms * TimeSpan.TicksPerMillisecond));

        [Fact]
        public void Before_any_reply_the_timer_is_one_second()
        {
            Assert.Equal(TimeSpan.FromSeconds(1), new RttEstimator().Rto);
        }

        [Fact]
        public void First_sample_sets_srtt_to_it_and_the_variance_to_half_of_it()
        {
            var e = new RttEstimator();
            e.Add(Ms(100));
            Assert.Equal(100, e.SmoothedRtt.TotalMilliseconds, 3);
            Assert.Equal(50, e.RttVariance.TotalMilliseconds, 3);
            Assert.Equal(300, e.Rto.TotalMilliseconds, 3); // 100 + 4 × 50
        }

        [Fact]
        public void Later_samples_are_smoothed_with_one_eighth_and_one_quarter()
        {
            var e = new RttEstimator();
            e.Add(Ms(100));
            e.Add(Ms(200));
            // RTTVAR = 3/4 × 50 + 1/4 × |100 - 200| = 62.5; SRTT = 7/8 × 100 + 1/8 × 200 = 112.5
            Assert.Equal(62.5, e.RttVariance.TotalMilliseconds, 3);
            Assert.Equal(112.5, e.SmoothedRtt.TotalMilliseconds, 3);
            Assert.Equal(362.5, e.Rto.TotalMilliseconds, 3);
            Assert.Equal(2, e.Samples);
        }

        [Fact]
        public void A_steady_link_brings_the_timer_down_to_the_round_trip_plus_a_quarter_but_never_below_the_floor()
        {
            var slow = new RttEstimator();
            for (int i = 0; i < 200; i++) slow.Add(Ms(150));
            Assert.InRange(slow.Rto.TotalMilliseconds, 187.4, 187.6); // variance gone: SRTT + SRTT/4

            var loopback = new RttEstimator();
            for (int i = 0; i < 50; i++) loopback.Add(Ms(0.1));
            Assert.Equal(RttEstimator.MinimumRto, loopback.Rto);
        }

        [Fact]
        public void A_jittery_link_gets_a_wider_timer_than_a_steady_one_with_the_same_mean()
        {
            var steady = new RttEstimator();
            var jittery = new RttEstimator();
            for (int i = 0; i < 100; i++)
            {
                steady.Add(Ms(100));
                jittery.Add(Ms(i % 2 == 0 ? 50 : 150));
            }
            Assert.True(jittery.Rto > steady.Rto + Ms(100), $"jittery {jittery.Rto}, steady {steady.Rto}");
        }

        [Fact]
        public void Each_further_loss_doubles_the_wait()
        {
            var rto = Ms(40);
            Assert.Equal(Ms(40), RetransmissionTimer.Backoff(rto, 0));
            Assert.Equal(Ms(80), RetransmissionTimer.Backoff(rto, 1));
            Assert.Equal(Ms(320), RetransmissionTimer.Backoff(rto, 3));
        }

        [Theory]
        [InlineData(CommandCode.GetTime, (int)RequestKind.Quick)]
        [InlineData(CommandCode.ReadBuffer, (int)RequestKind.Quick)]
        [InlineData(CommandCode.PrepareBuffer, (int)RequestKind.Preparation)]
        [InlineData(CommandCode.UserFaceRead, (int)RequestKind.Preparation)]
        [InlineData(CommandCode.UserWrite, (int)RequestKind.StoredWrite)]
        [InlineData(CommandCode.ApplyUploadBuffer, (int)RequestKind.StoredWrite)]
        [InlineData(CommandCode.Data, (int)RequestKind.DataPacket)]
        public void Requests_are_timed_by_kind(ushort command, int kind)
        {
            Assert.Equal((RequestKind)kind, RetransmissionTimer.KindOf(command));
        }

        [Fact]
        public void Kinds_learn_separately()
        {
            var timers = new RetransmissionTimer();
            timers.For(CommandCode.GetTime).Add(Ms(20));
            timers.For(CommandCode.UserWrite).Add(Ms(400));
            Assert.Equal(60, timers.For(RequestKind.Quick).Rto.TotalMilliseconds, 3); // 20 + 4 × 10
            Assert.Equal(1200, timers.For(RequestKind.StoredWrite).Rto.TotalMilliseconds, 3);
            Assert.Equal(TimeSpan.FromSeconds(1), timers.For(RequestKind.DataPacket).Rto);
            Assert.Equal(TimeSpan.FromSeconds(1), timers.StreamGap.Rto);
        }
    }
}
