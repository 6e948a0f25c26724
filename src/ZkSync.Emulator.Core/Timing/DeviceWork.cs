namespace ZkSync.Emulator.Core
{
    /// <summary>Which table a bulk read (1503) prepared, for its per-record cost.</summary>
    public enum BulkTable
    {
        None,
        Users,
        Templates,
        Other,
    }

    /// <summary>What one request made the device do: the input of <see
    /// cref="DeviceTimingModel.CostSeconds"/>.</summary>
    public readonly struct DeviceWork
    {
        public DeviceWork(ushort command, int dataBytes = 0, BulkTable table = BulkTable.None, int tableRecords = 0,
            int recordsStored = 0, int usersHeld = 0, int templatesHeld = 0)
        {
            Command = command;
            DataBytes = dataBytes;
            Table = table;
            TableRecords = tableRecords;
            RecordsStored = recordsStored;
            UsersHeld = usersHeld;
            TemplatesHeld = templatesHeld;
        }

        public ushort Command { get; }

        /// <summary>Payload bytes of the request (a CMD_DATA packet's slice).</summary>
        public int DataBytes { get; }

        /// <summary>The table a 1503 prepared, and its records.</summary>
        public BulkTable Table { get; }

        public int TableRecords { get; }

        /// <summary>Templates, face sets or photos the request stored (110 counts the batch's templates; 87, 151, 10009
        /// count 1).</summary>
        public int RecordsStored { get; }

        /// <summary>Users and templates on the device when the request arrived.</summary>
        public int UsersHeld { get; }

        public int TemplatesHeld { get; }
    }
}
