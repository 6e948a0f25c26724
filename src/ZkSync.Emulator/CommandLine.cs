using System;
using System.Collections.Generic;
using System.Globalization;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Model;

namespace ZkSync.Emulator.Host
{
    /// <summary>Parses the host's arguments into <see cref="EmulatorOptions"/>; errors name the argument.</summary>
    internal static class CommandLine
    {
        public const string Usage =
@"ZkSync device emulator: the device side of the ZKTeco 4370 protocol on 127.0.0.1.

usage: ZkSync.Emulator [options]
  --port N              port on 127.0.0.1, 0 = let the OS choose (default 4370)
  --transport T         tcp | udp | both (default both)
  --comm-key N          device comm key 0-999999 (default 0 = none)
  --profile P           tft | bw | face (default tft)
  --users N             users to seed (default 0)
  --seed N              seed of the generated data (default 1)
  --state FILE          JSON state: loaded at start if it exists, saved on exit
  --fp-version V        fingerprint algorithm 9 | 10 (default: the profile's)
  --face-version V      face algorithm, 0 = no faces (default: the profile's)
  --photo-family F      none | zmm | file (default: the profile's)
  --max-face-count N    face capacity in hundreds of users, ~MaxFaceCount (default: the profile's, 7)
  --fp-capacity N       fingerprint template capacity (default: the profile's)
  --max-sessions N      concurrent sessions, more CONNECTs are refused (default 0 = no limit, as firmware)
  --unauth-on-connect B on | off: answer CONNECT with CMD_ACK_UNAUTH whatever the key, as ZMM220_TFT terminals do
                        (default: the profile's, on for face)
  --idle-timeout-s N    fault, TCP: close a connection silent for N s, as a NAT or firewall idle timeout does
                        (default 0 = never; firmware keeps idle connections open)
  --orphan-slot-s N     TCP: a session whose client left without CMD_EXIT may be dropped after N s when a CONNECT needs
                        its slot (0 = freed at once; default: kept until a restart, and a device it disabled stays
                        disabled unless CMD_DISABLEDEVICE carried a timeout, as firmware)
  --free-session-on-disconnect  lenient, not firmware: a client that leaves without CMD_EXIT ends its session at once
                        and the device is enabled again when it was the last one (no value)
  --connect-6001 B      on | off: answer CONNECT with 6001 and refuse CMD_AUTH, as 2025 ZAM70 firmware (default off)
  --chunk-gap-ms N      pause between packets of a large-data reply (default 0)
  --latency-ms X        link model: turnaround per request in ms, decimals allowed (default 0)
  --bytes-per-second N  link model: throughput shared by requests and replies, 0 = unlimited (default 0)
  --strict-refusals     refuse with CMD_ACK_ERROR what firmware ACKs and drops (partial or malformed batch buffers,
                        photos that are not a whole JPEG or above 30 KB, 87 templates of the other algorithm) (no value)
  --silent-drops        the default now (ACK and drop, as firmware); accepted for older scripts (no value)
  --hide-options LIST   comma-separated options answered as unknown, as older firmware does (e.g. ~ZKFPVersion)
  --device-timing M     none | requests | records: device time per request of a real ZMM220_TFT (default none)
  --time-scale X        divide every modelled time (link and device) by X >= 1 (default 1; 'stats' reports
                        device time unscaled)
faults (off by default; request counts start at 1 = the first request after start):
  --drop-rate X                  share 0-1 of UDP datagrams lost, both directions
  --fault-seed N                 seed of the drop sequence (default 1)
  --reset-after-requests N       TCP: execute request N, then reset the connection instead of answering (once)
  --drop-reply-to-command C      UDP: execute the first request C, lose its reply (once)
  --reset-after-reply-packets K  TCP: cut the first large reply longer than K data packets by a reset (once;
                                 0 = right after its announcement)
  --reset-after-upload-packets K TCP: take upload CMD_DATA packet K, then reset instead of answering (once)
  --delay-reply-after N          hold back the reply to request N by --reply-delay-ms (once)
  --reply-delay-ms N             (default 10000)
  --error-command C              answer CMD_ACK_ERROR to every request with command number C
  --damage-upload-of C           the upload buffer used by every request C (110, 151, 10009, 87) loses its tail
                                 first (ACKed and dropped, or refused with --strict-refusals)
  --ack-drop-command C           answer CMD_ACK_OK to one request with command C without carrying it out
  --ack-drop-occurrence N        which request of --ack-drop-command is dropped (default 1, the first)
  --ack-drop-after-command A     count --ack-drop-command requests only once a request A arrived
  --full-at-users N              report full (user capacity reached) at N users
  --hang-after-requests N        from request N on, answer nothing (connections still accepted)
  --restart-after-requests N     restart after answering request N (sessions lost, data kept; once)
  --help                this text

Prints 'listening on 127.0.0.1:<port>' when ready; serves until Ctrl+C, SIGTERM or end of standard input.
Lines on standard input: 'stats' prints the traffic counters as one JSON line on standard output,
'reset-stats' zeroes them, 'restart' restarts the device, 'clear-faults' stops injecting faults (these print nothing).";

        /// <summary>Returns the options, or null with <paramref name="error"/> set; <paramref name="help"/> when --help
        /// was given.</summary>
        public static EmulatorOptions? Parse(string[] args, out bool help, out string? error)
        {
            help = false;
            error = null;
            var o = new EmulatorOptions { Port = 4370 };
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < args.Length; i++)
            {
                string name = args[i];
                if (name == "--help" || name == "-h" || name == "-?")
                {
                    help = true;
                    return null;
                }
                if (!seen.Add(name))
                {
                    error = $"{name} is given twice";
                    return null;
                }
                if (name == "--free-session-on-disconnect")
                {
                    o.FreeSessionOnDisconnect = true;
                    continue;
                }
                if (name == "--silent-drops" || name == "--strict-refusals")
                {
                    if (seen.Contains("--silent-drops") && seen.Contains("--strict-refusals"))
                    {
                        error = "--silent-drops (the default) and --strict-refusals contradict each other: give one";
                        return null;
                    }
                    o.StrictRefusals = name == "--strict-refusals";
                    continue;
                }
                if (i + 1 >= args.Length)
                {
                    error = $"{name} needs a value";
                    return null;
                }
                string value = args[++i];
                switch (name)
                {
                    case "--port":
                        if (!Int(name, value, 0, 65535, out int port, out error))
                            return null;
                        o.Port = port;
                        break;
                    case "--transport":
                        if (!Enum.TryParse(value, true, out EmulatorTransport t) || !Enum.IsDefined(t))
                        {
                            error = $"--transport '{value}' must be tcp, udp or both";
                            return null;
                        }
                        o.Transport = t;
                        break;
                    case "--comm-key":
                        if (!Int(name, value, 0, 999999, out int key, out error))
                            return null;
                        o.CommKey = (uint)key;
                        break;
                    case "--profile":
                        o.Profile = value;
                        break;
                    case "--users":
                        if (!Int(name, value, 0, 65534, out int users, out error))
                            return null;
                        o.Users = users;
                        break;
                    case "--seed":
                        if (!Int(name, value, int.MinValue, int.MaxValue, out int seed, out error))
                            return null;
                        o.Seed = seed;
                        break;
                    case "--state":
                        o.StatePath = value;
                        break;
                    case "--fp-version":
                        if (!Int(name, value, 9, 10, out int fp, out error))
                            return null;
                        o.FingerprintVersion = fp;
                        break;
                    case "--face-version":
                        if (!Int(name, value, 0, 255, out int face, out error))
                            return null;
                        o.FaceVersion = face;
                        break;
                    case "--photo-family":
                        if (!Enum.TryParse(value, true, out PhotoCommandFamily family) || !Enum.IsDefined(family))
                        {
                            error = $"--photo-family '{value}' must be none, zmm or file";
                            return null;
                        }
                        o.PhotoFamily = family;
                        break;
                    case "--max-face-count":
                        if (!Int(name, value, 0, 655, out int faces, out error))
                            return null;
                        o.MaxFaceCount = faces;
                        break;
                    case "--fp-capacity":
                        if (!Int(name, value, 1, 1_000_000, out int fps, out error))
                            return null;
                        o.FingerprintCapacity = fps;
                        break;
                    case "--max-sessions":
                        if (!Int(name, value, 0, 1024, out int max, out error))
                            return null;
                        o.MaxSessions = max;
                        break;
                    case "--hide-options":
                        o.HiddenOptions = value.Split(',', StringSplitOptions.RemoveEmptyEntries);
                        break;
                    case "--unauth-on-connect":
                        if (!Switch(name, value, out bool unauth, out error))
                            return null;
                        o.UnauthOnConnect = unauth;
                        break;
                    case "--connect-6001":
                        if (!Switch(name, value, out bool answer6001, out error))
                            return null;
                        o.AnswerConnectWith6001 = answer6001;
                        break;
                    case "--idle-timeout-s":
                        if (!Int(name, value, 0, 3600, out int idle, out error))
                            return null;
                        o.IdleTimeout = TimeSpan.FromSeconds(idle);
                        break;
                    case "--orphan-slot-s":
                        if (!Int(name, value, 0, 86400, out int orphan, out error))
                            return null;
                        o.OrphanSessionTimeout = TimeSpan.FromSeconds(orphan);
                        break;
                    case "--chunk-gap-ms":
                        if (!Int(name, value, 0, 10000, out int gap, out error))
                            return null;
                        o.LargeDataPacketGap = TimeSpan.FromMilliseconds(gap);
                        break;
                    case "--latency-ms":
                        if (!Real(name, value, 0, 60000, out double latency, out error))
                            return null;
                        o.LinkTurnaroundMs = latency;
                        break;
                    case "--bytes-per-second":
                        if (!Long(name, value, 0, long.MaxValue, out long bps, out error))
                            return null;
                        o.LinkBytesPerSecond = bps;
                        break;
                    case "--device-timing":
                        if (!Enum.TryParse(value, true, out DeviceTimingMode timing) || !Enum.IsDefined(timing))
                        {
                            error = $"--device-timing '{value}' must be none, requests or records";
                            return null;
                        }
                        o.DeviceTiming = timing;
                        break;
                    case "--time-scale":
                        if (!Real(name, value, 1, 10000, out double scale, out error))
                            return null;
                        o.TimeScale = scale;
                        break;
                    default:
                        if (!FaultArguments.TryParse(name, value, o, out bool known, out error))
                            return null;
                        if (!known)
                        {
                            error = $"unknown argument {name} (see --help)";
                            return null;
                        }
                        break;
                }
            }
            try
            {
                o.Validate();
            }
            catch (ArgumentException ex)
            {
                error = $"--{Kebab(ex.ParamName)}: {ex.Message.Split('(')[0].Trim()}";
                return null;
            }
            return o;
        }

        internal static bool Int(string name, string value, int min, int max, out int result, out string? error)
        {
            error = null;
            if (
                int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out result)
                && result >= min
                && result <= max
            )
                return true;
            error = $"{name} '{value}' must be a whole number from {min} to {max}";
            return false;
        }

        private static bool Switch(string name, string value, out bool result, out string? error)
        {
            error = null;
            result = value == "on";
            if (value == "on" || value == "off")
                return true;
            error = $"{name} '{value}' must be on or off";
            return false;
        }

        internal static bool Real(
            string name,
            string value,
            double min,
            double max,
            out double result,
            out string? error
        )
        {
            error = null;
            if (
                double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out result)
                && result >= min
                && result <= max
            )
                return true;
            error = $"{name} '{value}' must be a number from {min} to {max}";
            return false;
        }

        private static bool Long(string name, string value, long min, long max, out long result, out string? error)
        {
            error = null;
            if (
                long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out result)
                && result >= min
                && result <= max
            )
                return true;
            error = $"{name} '{value}' must be a whole number from {min} to {max}";
            return false;
        }

        private static string Kebab(string? property)
        {
            if (string.IsNullOrEmpty(property)) return "options";
            var s = new System.Text.StringBuilder();
            foreach (char c in property!)
            {
                if (char.IsUpper(c) && s.Length > 0) s.Append('-');
                s.Append(char.ToLowerInvariant(c));
            }
            return s.ToString();
        }
    }
}
