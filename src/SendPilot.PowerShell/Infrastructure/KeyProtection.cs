using System;
using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace SendPilot.PowerShell.Infrastructure
{
    /// <summary>
    /// How a saved key is kept at rest: on Windows encrypted with DPAPI for the current user; elsewhere
    /// in a file only the user can read and write (mode 0600, folder 0700), as the GitHub and Stripe CLIs do.
    /// </summary>
    internal static class KeyProtection
    {
        public const string Dpapi = "DPAPI";
        public const string UserOnlyFile = "UserOnlyFile";

        public static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        public static string Method => IsWindows ? Dpapi : UserOnlyFile;

        /// <summary>The stored form of the key for <see cref="Method"/>.</summary>
        public static string Protect(string key) =>
            IsWindows ? Convert.ToBase64String(Crypt32.Protect(Encoding.UTF8.GetBytes(key))) : key;

        public static string Unprotect(string method, string stored)
        {
            if (method == UserOnlyFile) return stored;
            if (method != Dpapi) throw new InvalidDataException($"the key is protected with '{method}', which this version does not know");
            if (!IsWindows) throw new InvalidDataException("the key was protected with DPAPI on Windows and can be read only there, by the same user");
            return Encoding.UTF8.GetString(Crypt32.Unprotect(Convert.FromBase64String(stored)));
        }

        /// <summary>Creates or replaces a file whose content no other user can ever read, not even while it is written.</summary>
        public static void WriteUserOnly(string path, string text)
        {
            string temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                RestrictToUser(temporary, 0x180); // 0600, before any byte is written
                byte[] bytes = new UTF8Encoding(false).GetBytes(text);
                stream.Write(bytes, 0, bytes.Length);
            }
            if (File.Exists(path)) File.Delete(path);
            File.Move(temporary, path);
        }

        public static void CreateUserOnlyDirectory(string path)
        {
            if (Directory.Exists(path)) return;
            Directory.CreateDirectory(path);
            RestrictToUser(path, 0x1C0); // 0700
        }

        private static void RestrictToUser(string path, uint mode)
        {
            if (IsWindows) return; // %APPDATA% is already per user, and the key itself is DPAPI-encrypted
            if (Libc.chmod(path, mode) != 0) throw new IOException($"could not restrict '{path}' to its owner (chmod error {Marshal.GetLastWin32Error()})");
        }

        private static class Libc
        {
            [DllImport("libc", SetLastError = true)]
            public static extern int chmod(string pathname, uint mode);
        }

        private static class Crypt32
        {
            private const int UiForbidden = 0x1;

            [StructLayout(LayoutKind.Sequential)]
            private struct Blob
            {
                public int Length;
                public IntPtr Data;
            }

            [DllImport("crypt32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
            private static extern bool CryptProtectData(ref Blob input, string? description, IntPtr entropy, IntPtr reserved, IntPtr prompt, int flags, ref Blob output);

            [DllImport("crypt32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
            private static extern bool CryptUnprotectData(ref Blob input, IntPtr description, IntPtr entropy, IntPtr reserved, IntPtr prompt, int flags, ref Blob output);

            [DllImport("kernel32.dll")]
            private static extern IntPtr LocalFree(IntPtr memory);

            public static byte[] Protect(byte[] plain) => Transform(plain, protect: true);

            public static byte[] Unprotect(byte[] cipher) => Transform(cipher, protect: false);

            private static byte[] Transform(byte[] data, bool protect)
            {
                GCHandle pinned = GCHandle.Alloc(data, GCHandleType.Pinned);
                var input = new Blob { Length = data.Length, Data = pinned.AddrOfPinnedObject() };
                var output = new Blob();
                try
                {
                    bool done = protect
                        ? CryptProtectData(ref input, "SendPilot API key", IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, UiForbidden, ref output)
                        : CryptUnprotectData(ref input, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, UiForbidden, ref output);
                    if (!done) throw new Win32Exception(Marshal.GetLastWin32Error());
                    var result = new byte[output.Length];
                    Marshal.Copy(output.Data, result, 0, output.Length);
                    return result;
                }
                finally
                {
                    pinned.Free();
                    if (output.Data != IntPtr.Zero) LocalFree(output.Data);
                }
            }
        }
    }
}
