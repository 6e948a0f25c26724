using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZkSync.PowerShell.Journal
{
    /// <summary>One record as one JSON line, and back; enums as names so the file reads well in any tool (jq,
    /// ConvertFrom-Json).</summary>
    internal static class JournalCodec
    {
        private static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            // The default escaper is for HTML; a journal line is read by people and tools, so names keep their letters.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter() },
        };

        /// <summary>Compact JSON: never contains a newline (strings escape theirs).</summary>
        public static string Encode(ZkSyncHistoryRecord record) => JsonSerializer.Serialize(record, Options);

        /// <summary>The record, or null for a line that is not one (blank, torn by a killed writer, edited by
        /// hand).</summary>
        public static ZkSyncHistoryRecord? TryDecode(string line)
        {
            if (string.IsNullOrWhiteSpace(line)) return null;
            try
            {
                return JsonSerializer.Deserialize<ZkSyncHistoryRecord>(line, Options);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
