using System.Linq;
using System.Management.Automation;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Writes users of one device (New-ZkUser, Set-ZkUser): the session and user fields they share. All bind by
    /// property name, so a CSV with matching columns (or users from another device) can be piped in. Only parameters
    /// actually given are applied.
    /// </summary>
    public abstract class ZkUserWriteCmdlet : ZkCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public ZkSession? Session { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = "";

        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string? Name { get; set; }

        /// <summary>The device PIN password (never shown back: output objects only say HasPassword).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string? Password { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ZkPrivilege Privilege { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public uint Card { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public byte Group { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public bool Enabled { get; set; } = true;

        /// <summary>
        /// Cut a name or password too long for the device to fit (with a warning) instead of refusing the user. Without
        /// it, the session's own setting (Connect-ZkDevice -AllowTruncation) decides.
        /// </summary>
        [Parameter]
        public SwitchParameter AllowTruncation { get; set; }

        protected sealed override void ProcessRecord() => WithSession(Session, ProcessSession);

        protected abstract void ProcessSession(ZkSession session);

        private static readonly string[] FieldNames =
        {
            nameof(Name),
            nameof(Password),
            nameof(Privilege),
            nameof(Card),
            nameof(Group),
            nameof(Enabled),
        };

        /// <summary>Names of the user fields given for this record (for the ShouldProcess text).</summary>
        internal string[] GivenFields() => FieldNames.Where(f => MyInvocation.BoundParameters.ContainsKey(f)).ToArray();

        internal void ApplyGivenFields(ZkUser user)
        {
            var bound = MyInvocation.BoundParameters;
            if (bound.ContainsKey(nameof(Name))) user.Name = Name ?? "";
            if (bound.ContainsKey(nameof(Password))) user.Password = Password ?? "";
            if (bound.ContainsKey(nameof(Privilege))) user.Privilege = Privilege;
            if (bound.ContainsKey(nameof(Card))) user.Card = Card;
            if (bound.ContainsKey(nameof(Group))) user.Group = Group;
            if (bound.ContainsKey(nameof(Enabled))) user.Enabled = Enabled;
        }

        /// <summary>Writes the user, warns about cut fields, refreshes the cache and returns what the device now
        /// holds.</summary>
        internal ZkUserInfo Write(ZkSession session, ZkUser user)
        {
            TruncationMode truncation = AllowTruncation ? TruncationMode.Truncate : session.Client.Options.Truncation;
            UserWriteResult result = Run(ct => session.Client.SetUserAsync(user, truncation, ct));
            foreach (var cut in result.Truncations)
            {
                WriteWarning(
                    $"{UserTarget(user.UserId, user.Name, session)}: {cut.Field} '{cut.Original}' was cut to "
                        + $"'{cut.Stored}' to fit the device."
                );
                // What is returned and cached is what the device holds, not what was asked for.
                if (cut.Field == nameof(ZkUser.Name))
                    user.Name = cut.Stored;
                else if (cut.Field == nameof(ZkUser.Password))
                    user.Password = cut.Stored;
            }
            user.Uid = result.Uid;
            UsersOf(session).Upsert(user);
            return new ZkUserInfo(user, session);
        }
    }
}
