using System;
using System.Text;
using ZkSync.Emulator.Core.Wire;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Core.Commands
{
    /// <summary>Options, version, PIN width, free sizes, clock and the enable/disable flag (docs/protocol.md §5,
    /// §9).</summary>
    internal static class DeviceInfoCommands
    {
        public static Reply ReadOption(CommandContext c)
        {
            string name = DeviceText.OptionText(c.Payload);
            if (
                !c.State.WrittenOptions.TryGetValue(name, out var value)
                && !c.Profile.Options.TryGetValue(name, out value)
            )
                value = "";
            if (Array.IndexOf(c.Options.HiddenOptions, name) >= 0)
                value = "";
            // Unknown or empty option: 2001 on older firmware, 4999 on ZMM.
            if (value.Length == 0)
                return c.Code(c.Profile.Zmm ? ReplyCode.OptionNotFound : ReplyCode.Error);
            return c.Ok(Encoding.ASCII.GetBytes(name + "=" + value + "\0"));
        }

        public static Reply WriteOption(CommandContext c)
        {
            string text = DeviceText.OptionText(c.Payload); // "name=value", cut at NUL (pyzk sends none)
            int eq = text.IndexOf('=');
            if (eq <= 0) return c.Refuse($"option assignment \"{text}\" has no name or no '='", 1);
            c.State.WrittenOptions[text.Substring(0, eq)] = text.Substring(eq + 1);
            return c.Ok();
        }

        /// <summary>ASCII version + NUL; firmware returns the platform instead for a 1-byte payload 00.</summary>
        public static Reply Version(CommandContext c)
        {
            string text = c.Payload.Length == 1 && c.Payload[0] == 0 ? c.Profile.Platform : c.Profile.FirmwareVersion;
            return c.Ok(Encoding.ASCII.GetBytes(text + "\0"));
        }

        public static Reply PinWidth(CommandContext c) => c.Ok(new[] { (byte)c.Profile.PinWidth });

        /// <summary>80 bytes (92 with the face fields on face firmware); a 1-byte payload k returns only i32 number
        /// k.</summary>
        public static Reply FreeSizes(CommandContext c)
        {
            var all = DeviceFreeSizes.Write(c.State.Counts());
            if (c.Payload.Length != 1) return c.Ok(all);
            int k = c.Payload[0];
            if ((k + 1) * 4 > all.Length) return c.Error();
            var one = new byte[4];
            Buffer.BlockCopy(all, k * 4, one, 0, 4);
            return c.Ok(one);
        }

        public static Reply GetTime(CommandContext c)
        {
            var payload = new byte[4];
            LittleEndian.Put(payload, 0, DeviceClock.Pack(c.State.Now));
            return c.Ok(payload);
        }

        public static Reply SetTime(CommandContext c)
        {
            if (c.Payload.Length < 4) return c.Refuse($"CMD_SET_TIME payload of {c.Payload.Length} bytes");
            var time = DeviceClock.Unpack(LittleEndian.U32(c.Payload, 0));
            c.State.ClockOffset = time - DateTime.Now;
            return c.Ok();
        }

        public static Reply SetDisabled(CommandContext c, bool disabled)
        {
            // FW commu.c 966-972: a 4-byte CMD_DISABLEDEVICE payload is a timeout in seconds (0 = none).
            uint timeoutSeconds = disabled && c.Payload.Length == 4 ? LittleEndian.U32(c.Payload, 0) : 0;
            var session = c.Session;
            if (timeoutSeconds > 0)
                c.State.DisableFor(TimeSpan.FromSeconds(timeoutSeconds), () => session.LastActivity);
            else c.State.Disabled = disabled;
            return c.Ok();
        }
    }
}
