using System.Runtime.CompilerServices;

// The emulator speaks the same wire format from the device side; it reuses the little-endian helpers rather than repeat
// them.
[assembly: InternalsVisibleTo("ZkSync.Emulator.Core")]
