using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Tests
{
    /// <summary>
    /// Calibration check: the hybrid script's pyzk way of writing one user (set_user; with k fingerprints also 1502,
    /// 1500, the one-user batch in 1,024-byte CMD_DATA packets, 110, 1013) costs, under either reading, the field
    /// medians of a real ZMM220_TFT within ±25 % (bench/README.md "Device timing model" has the same table).
    /// </summary>
    public class DeviceTimingModelTests
    {
        // The face profile's seeded templates: 500-1,600 bytes, mean ~1,050.
        private const int TemplateBytes = 1050;

        public static IEnumerable<object[]> FieldRows()
        {
            foreach (var mode in new[] { DeviceTimingMode.Requests, DeviceTimingMode.Records })
            {
                // (fingerprints, users held, templates held, field median seconds)
                yield return new object[] { mode, 0, 50, 125, 0.10 };
                yield return new object[] { mode, 0, 260, 400, 0.16 };
                double[] small = { 0.74, 0.98, 1.24, 1.47, 1.64 };
                for (int k = 1; k <= 5; k++) yield return new object[] { mode, k, 50, 125, small[k - 1] };
                yield return new object[] { mode, 7, 50, 125, 2.10 };
                double[] filled = { 1.16, 1.44, 1.64, 2.11 };
                for (int k = 1; k <= 4; k++) yield return new object[] { mode, k, 260, 400, filled[k - 1] };
            }
        }

        [Theory]
        [MemberData(nameof(FieldRows))]
        public void One_user_written_the_pyzk_way_costs_the_field_median(
            DeviceTimingMode mode,
            int fingerprints,
            int users,
            int templates,
            double field
        )
        {
            double modelled = PyzkUserWrite(fingerprints)
                .Sum(w => DeviceTimingModel.CostSeconds(mode, Held(w, users, templates)));
            Assert.InRange(modelled / field, 0.75, 1.25);
        }

        [Theory]
        [InlineData(BulkTable.Users, 1290, 1.77)]
        [InlineData(BulkTable.Users, 161, 0.44)]
        [InlineData(BulkTable.Templates, 1833, 10.15)]
        [InlineData(BulkTable.Templates, 243, 1.61)]
        public void A_whole_table_read_costs_the_field_median(BulkTable table, int records, double field)
        {
            int recordBytes = table == BulkTable.Users ? 72 : TemplateBytes + 6;
            int chunks = (records * recordBytes + 65471) / 65472;
            var reads = new List<DeviceWork>
            {
                new DeviceWork(CommandCode.GetFreeSizes),
                new DeviceWork(CommandCode.PrepareBuffer, 11, table, records),
            };
            reads.AddRange(Enumerable.Repeat(new DeviceWork(CommandCode.ReadBuffer, 8), chunks));
            reads.Add(new DeviceWork(CommandCode.FreeData));
            foreach (var mode in new[] { DeviceTimingMode.Requests, DeviceTimingMode.Records })
                Assert.InRange(reads.Sum(w => DeviceTimingModel.CostSeconds(mode, w)) / field, 0.75, 1.25);
        }

        [Fact]
        public void Batching_is_what_the_requests_reading_rewards_and_records_what_the_records_reading_charges()
        {
            // 100 templates in one 64 KB-sliced upload vs 100 one-template uploads.
            var batched = new[]
            {
                new DeviceWork(CommandCode.PrepareData),
                new DeviceWork(CommandCode.Data, 65528),
                new DeviceWork(CommandCode.Data, 40000),
                new DeviceWork(CommandCode.ApplyUploadBuffer, 4, recordsStored: 100),
            };
            var single = PyzkUserWrite(1).ToArray();
            double Cost(DeviceTimingMode m, IEnumerable<DeviceWork> w) =>
                w.Sum(x => DeviceTimingModel.CostSeconds(m, x));
            Assert.True(Cost(DeviceTimingMode.Requests, batched) * 20 < 100 * Cost(DeviceTimingMode.Requests, single));
            Assert.True(Cost(DeviceTimingMode.Records, batched) >= 100 * DeviceTimingModel.PerRecordStoredSeconds);
            Assert.Equal(0, Cost(DeviceTimingMode.None, single));
        }

        [Fact]
        public async Task The_emulator_charges_device_time_and_the_time_scale_divides_the_wait()
        {
            using var emu = await Emu.Start("tft", 3, configure: o =>
            {
                o.DeviceTiming = DeviceTimingMode.Requests;
                o.TimeScale = 10;
            });
            using var c = Emu.Client(emu);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (int i = 0; i < 5; i++)
                c.Request(CommandCode.RefreshData);
            watch.Stop();
            double perRefresh = DeviceTimingModel.RequestSeconds + 3 * DeviceTimingModel.RequestPerUserHeldSeconds;
            Assert.InRange(
                emu.Counters.DeviceMicroseconds,
                (long)(5 * perRefresh * 1e6) - 5,
                (long)(5 * perRefresh * 1e6) + 5 + (long)(DeviceTimingModel.QuerySeconds * 1e6) * 2
            );
            Assert.True(
                watch.Elapsed.TotalSeconds >= 5 * perRefresh / 10 * 0.95,
                $"5 refreshes took {watch.Elapsed.TotalMilliseconds} ms"
            );
        }

        private static DeviceWork Held(DeviceWork w, int users, int templates) =>
            new DeviceWork(w.Command, w.DataBytes, w.Table, w.TableRecords, w.RecordsStored, users, templates);

        /// <summary>pyzk's save_user_template: 12-byte header, the 72-byte user, k × (8-byte table entry +
        /// template).</summary>
        private static IEnumerable<DeviceWork> PyzkUserWrite(int fingerprints)
        {
            yield return new DeviceWork(CommandCode.UserWrite, 72);
            if (fingerprints == 0)
                yield break;
            int buffer = 12 + 72 + fingerprints * (8 + TemplateBytes);
            yield return new DeviceWork(CommandCode.FreeData);
            yield return new DeviceWork(CommandCode.PrepareData, 4);
            for (int sent = 0; sent < buffer; sent += 1024)
                yield return new DeviceWork(CommandCode.Data, Math.Min(1024, buffer - sent));
            yield return new DeviceWork(CommandCode.ApplyUploadBuffer, 8, recordsStored: fingerprints);
            yield return new DeviceWork(CommandCode.RefreshData);
        }
    }
}
