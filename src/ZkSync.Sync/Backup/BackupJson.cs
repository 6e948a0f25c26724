using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZkSync.Sync.Backup
{
    /// <summary>One JSON setting for every backup entry: camelCase names, enums as names, UTF-8.</summary>
    internal static class BackupJson
    {
        public static readonly JsonSerializerOptions Options = Create(indented: false);
        public static readonly JsonSerializerOptions Indented = Create(indented: true);

        private static JsonSerializerOptions Create(bool indented)
        {
            var o = new JsonSerializerOptions
            {
                PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
                WriteIndented = indented,
            };
            o.Converters.Add(new JsonStringEnumConverter());
            return o;
        }

        public static byte[] Serialize<T>(T value, bool indented = false) =>
            JsonSerializer.SerializeToUtf8Bytes(value, indented ? Indented : Options);

        public static T Deserialize<T>(byte[] utf8, string entry, string file)
        {
            try
            {
                return JsonSerializer.Deserialize<T>(utf8, Options)
                    ?? throw new ZkBackupException($"Entry {entry} is empty.", file);
            }
            catch (JsonException ex)
            {
                throw new ZkBackupException($"Entry {entry} is not valid JSON: {ex.Message}", file, ex);
            }
        }
    }
}
