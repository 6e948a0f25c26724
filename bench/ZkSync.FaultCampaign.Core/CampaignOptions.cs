using System;

namespace ZkSync.FaultCampaign.Core
{
    public sealed class CampaignOptions
    {
        /// <summary>Users the destination holds before the sync that the source does not have (must survive every
        /// fault).</summary>
        public const int KeptUsers = 3;

        public int Runs { get; set; } = 3;
        public int Users { get; set; } = 20;
        public int Seed { get; set; } = 1;

        /// <summary>Only the kinds whose name contains this (null = all).</summary>
        public string? Only { get; set; }

        public TimeSpan SourceTimeout { get; set; } = TimeSpan.FromSeconds(2);
        public TimeSpan DestinationTimeout { get; set; } = TimeSpan.FromMilliseconds(500);
    }
}
