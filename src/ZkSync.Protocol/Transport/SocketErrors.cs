using System;
using System.Net.Sockets;
using ZkSync.Protocol.Errors;

namespace ZkSync.Protocol.Transport
{
    /// <summary>Turns socket failures into <see cref="ZkConnectionException"/> naming the device.</summary>
    internal static class SocketErrors
    {
        public static ZkException Wrap(Exception ex, string device, string doing)
        {
            if (ex is ZkException zk)
                return zk;
            string reason = ex switch
            {
                SocketException se when se.SocketErrorCode == SocketError.ConnectionRefused =>
                    "connection refused (nothing listens on that port?)",
                SocketException se when se.SocketErrorCode == SocketError.ConnectionReset =>
                    "connection reset by the device",
                SocketException se
                    when se.SocketErrorCode == SocketError.HostUnreachable
                        || se.SocketErrorCode == SocketError.NetworkUnreachable => "host unreachable",
                SocketException se => se.SocketErrorCode.ToString(),
                ObjectDisposedException _ => "connection already closed",
                _ => ex.Message,
            };
            return new ZkConnectionException($"{doing} failed: {reason}.", device, null, ex);
        }

        public static bool IsRefusedOrReset(Exception ex) =>
            ex is SocketException se
            && (
                se.SocketErrorCode == SocketError.ConnectionRefused || se.SocketErrorCode == SocketError.ConnectionReset
            );
    }
}
