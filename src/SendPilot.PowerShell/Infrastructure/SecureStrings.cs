using System;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Security;

namespace SendPilot.PowerShell.Infrastructure
{
    internal static class SecureStrings
    {
        public static string ToPlain(SecureString secure)
        {
            IntPtr buffer = Marshal.SecureStringToGlobalAllocUnicode(secure);
            try { return Marshal.PtrToStringUni(buffer) ?? ""; }
            finally { Marshal.ZeroFreeGlobalAllocUnicode(buffer); }
        }

        public static SecureString FromPlain(string plain)
        {
            var secure = new SecureString();
            foreach (char c in plain) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }

    /// <summary>Lets a SecureString parameter also take a plain string or a PSCredential (its password).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject ps ? ps.BaseObject : inputData;
            switch (value)
            {
                case SecureString _: return value;
                case string plain: return SecureStrings.FromPlain(plain);
                case PSCredential credential: return credential.Password;
                default: return inputData;
            }
        }
    }
}
