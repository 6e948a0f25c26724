using System;
using System.Management.Automation.Host;

namespace ZkSync.Demo
{
    /// <summary>A fixed-size console for the formatter (table widths); no cursor or buffer tricks are needed.</summary>
    internal sealed class ConsoleRawUserInterface : PSHostRawUserInterface
    {
        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
        public override Size BufferSize { get; set; } = new Size(Width(), 3000);
        public override Coordinates CursorPosition { get; set; }
        public override int CursorSize { get; set; } = 1;
        public override bool KeyAvailable => false;
        public override Size MaxPhysicalWindowSize => BufferSize;
        public override Size MaxWindowSize => BufferSize;
        public override Coordinates WindowPosition { get; set; }
        public override Size WindowSize { get; set; } = new Size(Width(), 50);
        public override string WindowTitle { get; set; } = "ZkSync demo";

        public override void FlushInputBuffer() { }

        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => new BufferCell[0, 0];

        public override KeyInfo ReadKey(ReadKeyOptions options) =>
            throw new NotSupportedException("The demo host does not read keys.");

        public override void ScrollBufferContents(
            Rectangle source,
            Coordinates destination,
            Rectangle clip,
            BufferCell fill
        )
        { }

        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }

        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }

        private static int Width()
        {
            try
            {
                return Console.IsOutputRedirected ? 160 : Math.Max(Console.WindowWidth, 120);
            }
            catch (System.IO.IOException)
            {
                return 160;
            }
        }
    }
}
