using System;
using System.Globalization;
using System.Linq;
using Xunit;

namespace ZkSync.PowerShell.Tests.Hosting
{
    /// <summary>
    /// Tests that drive emulators started in-process with Start-ZkEmulator. They share one runspace per class and
    /// close every session and emulator after each test, so no state leaks between tests.
    /// </summary>
    public abstract class DeviceTestBase : IClassFixture<ModuleFixture>, IDisposable
    {
        protected DeviceTestBase(ModuleFixture fixture) => Ps = fixture.Host;

        protected PsHost Ps { get; }

        /// <summary>Waits up to 10 s for something a device does on its own time (an idle close, a session
        /// ending).</summary>
        protected static void Until(System.Func<bool> condition, string what)
        {
            var deadline = System.DateTime.UtcNow + System.TimeSpan.FromSeconds(10);
            while (!condition())
            {
                Assert.True(System.DateTime.UtcNow < deadline, what);
                System.Threading.Thread.Sleep(10);
            }
        }

        /// <summary>Runs a script that must not fail.</summary>
        protected PsResult Ok(string script)
        {
            PsResult result = Ps.Run(script);
            result.ShouldSucceed();
            return result;
        }

        /// <summary>Starts an emulator and connects to it as $name (Timeout 3 s keeps failures fast).</summary>
        protected void Device(string name, string profile = "tft", int users = 0, string extra = "") =>
            Ok($"${name} = Start-ZkEmulator -Profile {profile} -Users {users} {extra} | Connect-ZkDevice -Timeout 3");

        protected int Count(string script) =>
            Convert.ToInt32(Ok($"@({script}).Count").Output.Single().BaseObject, CultureInfo.InvariantCulture);

        protected string[] Strings(string script) =>
            Ok(script).Output.Select(o => o.BaseObject?.ToString() ?? "").ToArray();

        public void Dispose()
        {
            Ps.Run("Get-ZkSession | Disconnect-ZkDevice; Stop-ZkEmulator -All");
            GC.SuppressFinalize(this);
        }
    }
}
