using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace SendPilot.Client.Ledger
{
    /// <summary>Where send logs live: one file per workspace in the user's data folder, unless told otherwise.</summary>
    public static class LedgerLocation
    {
        public const string FolderVariable = "SENDPILOT_LEDGER_PATH";

        /// <summary>
        /// $env:SENDPILOT_LEDGER_PATH when set; else %LOCALAPPDATA%\SendPilot on Windows, $XDG_DATA_HOME/sendpilot
        /// or ~/.local/share/sendpilot elsewhere. Read each time, so a changed variable applies to the next command.
        /// </summary>
        public static string DefaultFolder()
        {
            string? configured = Environment.GetEnvironmentVariable(FolderVariable);
            if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured!.Trim());
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "SendPilot");
            string? xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
            if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg!, "sendpilot");
            string home = Environment.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return Path.Combine(home, ".local", "share", "sendpilot");
        }

        /// <summary>The log file of one workspace in <paramref name="folder"/>.</summary>
        public static string FileFor(string folder, string workspace) => Path.Combine(folder, "sendlog-" + SafeName(workspace) + ".jsonl");

        private static string SafeName(string workspace)
        {
            var name = new StringBuilder(workspace.Length);
            foreach (char c in workspace) name.Append(char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.' ? c : '_');
            return name.Length == 0 ? "default" : name.ToString();
        }
    }

    /// <summary>Owner-only permissions on Unix (the log says who was contacted); Windows' per-user data folder is already private.</summary>
    internal static class OwnerOnly
    {
        [DllImport("libc", EntryPoint = "chmod", SetLastError = true)]
        private static extern int Chmod(string path, uint mode);

        public static void Folder(string path) => Apply(path, 0x1C0); // 0700
        public static void File(string path) => Apply(path, 0x180);   // 0600

        private static void Apply(string path, uint mode)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return;
            try
            {
                Chmod(path, mode);
            }
            catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
            {
                // A platform without libc's chmod: the folder's own permissions apply.
            }
        }
    }
}
