using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Core.Commands
{
    /// <summary>Maps a command number to its handler. Anything unknown (including reply codes sent as commands) gets
    /// CMD_ACK_UNKNOWN.</summary>
    internal static class CommandRouter
    {
        public static Reply Execute(CommandContext c)
        {
            switch (c.Request.Command)
            {
                case CommandCode.Auth:
                    return ConnectionCommands.Auth(c);
                case CommandCode.Exit:
                    return ConnectionCommands.Exit(c);

                case CommandCode.OptionsRead:
                    return DeviceInfoCommands.ReadOption(c);
                case CommandCode.OptionsWrite:
                    return DeviceInfoCommands.WriteOption(c);
                case CommandCode.GetVersion:
                    return DeviceInfoCommands.Version(c);
                case CommandCode.GetPinWidth:
                    return DeviceInfoCommands.PinWidth(c);
                case CommandCode.GetFreeSizes:
                    return DeviceInfoCommands.FreeSizes(c);
                case CommandCode.GetTime:
                    return DeviceInfoCommands.GetTime(c);
                case CommandCode.SetTime:
                    return DeviceInfoCommands.SetTime(c);
                case CommandCode.DisableDevice:
                    return DeviceInfoCommands.SetDisabled(c, true);
                case CommandCode.EnableDevice:
                    return DeviceInfoCommands.SetDisabled(c, false);
                case CommandCode.Restart:
                case CommandCode.PowerOff:
                    return Reply.One(c.Packet(ReplyCode.Ok), AfterReply.Restart);
                case CommandCode.StateRead:
                    return c.Ok(sessionField: 0); // state 0 = waiting, carried in the session field
                case CommandCode.DoorStateRead:
                    return c.Ok(new byte[] { 0 });
                case CommandCode.RefreshData:
                case CommandCode.RefreshOption:
                case CommandCode.CancelCapture:
                case CommandCode.StartVerify:
                case CommandCode.RegisterEvent:
                case CommandCode.Unlock:
                case CommandCode.WriteLcd:
                case CommandCode.ClearLcd:
                case CommandCode.TestVoice:
                case EnableClock:
                    return c.Ok();

                case CommandCode.PrepareBuffer: return BulkReadCommands.Prepare(c);
                case CommandCode.ReadBuffer: return BulkReadCommands.ReadChunk(c);
                case CommandCode.FreeData: return BulkReadCommands.Free(c);

                case CommandCode.PrepareData: return UploadCommands.Prepare(c);
                case CommandCode.Data: return UploadCommands.Append(c);
                case CommandCode.HashData: return UploadCommands.Hash(c);
                case CommandCode.ApplyUploadBuffer: return UploadCommands.UseBuffer(c);

                case CommandCode.UserWrite: return UserCommands.Write(c);
                case CommandCode.DeleteUser: return UserCommands.DeleteByUid(c);
                case CommandCode.SsrDeleteUser: return UserCommands.DeleteByPin(c);
                case CommandCode.ClearData: return UserCommands.ClearData(c);
                case CommandCode.ClearAttLog: return UserCommands.ClearAttendance(c);
                case CommandCode.ClearAdmin: return UserCommands.ClearAdmins(c);

                case CommandCode.UserTemplateExRead: return TemplateCommands.ReadWithFlag(c);
                case CommandCode.UserTemplateExWrite: return TemplateCommands.WriteWithFlag(c);
                case CommandCode.UserTemplateRead: return TemplateCommands.Read(c);
                case CommandCode.DeleteUserTemplate: return TemplateCommands.DeleteOne(c);
                case CommandCode.SsrDeleteUserTemplate: return TemplateCommands.DeleteByPin(c);

                case CommandCode.UserFaceRead: return FaceCommands.Read(c);
                case CommandCode.UserFaceWrite: return FaceCommands.Write(c);
                case CommandCode.UserFaceDelete: return FaceCommands.Delete(c);

                case CommandCode.UserPhotoWrite: return PhotoCommands.ZmmWrite(c);
                case CommandCode.UserPhotoRead: return PhotoCommands.ZmmRead(c);
                case CommandCode.UserPhotoDelete: return PhotoCommands.ZmmDelete(c);
                case CommandCode.ReadFile: return PhotoCommands.ReadFile(c);

                default:
                    c.Log.Add($"{c.Session}: unknown command {c.Request.Command} answered with CMD_ACK_UNKNOWN");
                    return c.Code(ReplyCode.Unknown);
            }
        }

        /// <summary>CMD_ENABLE_CLOCK (57): not in the foundation's table.</summary>
        private const ushort EnableClock = 57;
    }
}
