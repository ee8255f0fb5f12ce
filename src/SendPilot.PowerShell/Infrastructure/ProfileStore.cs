using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SendPilot.PowerShell.Infrastructure
{
    /// <summary>
    /// Saved connection profiles: one JSON file per profile under the config folder
    /// ($env:SENDPILOT_CONFIG_PATH, else %APPDATA%\SendPilot on Windows, else $XDG_CONFIG_HOME/sendpilot or ~/.config/sendpilot).
    /// </summary>
    internal static class ProfileStore
    {
        public const string FolderVariable = "SENDPILOT_CONFIG_PATH";

        private static readonly Regex ValidName = new Regex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static string Folder
        {
            get
            {
                string? configured = Environment.GetEnvironmentVariable(FolderVariable);
                if (!string.IsNullOrWhiteSpace(configured)) return configured!.Trim();
                if (KeyProtection.IsWindows) return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "SendPilot");
                string? xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
                string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                return Path.Combine(string.IsNullOrWhiteSpace(xdg) ? Path.Combine(home, ".config") : xdg!, "sendpilot");
            }
        }

        public static string ProfilesFolder => Path.Combine(Folder, "profiles");

        /// <summary>The profile's file; terminates on a name that could not be a file name everywhere.</summary>
        public static string PathOf(string name)
        {
            if (!ValidName.IsMatch(name))
                throw new TerminatingCmdletError(ErrorRecords.Invalid(
                    $"The profile name '{name}' is not usable; use up to 64 letters, digits, '.', '_' or '-', starting with a letter or digit (for example acme-prod).",
                    "SendPilot.InvalidProfileName", name));
            return Path.Combine(ProfilesFolder, name + ".json");
        }

        public static void Save(ProfileData data)
        {
            KeyProtection.CreateUserOnlyDirectory(Folder);
            KeyProtection.CreateUserOnlyDirectory(ProfilesFolder);
            KeyProtection.WriteUserOnly(PathOf(data.Name), JsonSerializer.Serialize(data, Json));
        }

        /// <summary>The saved profile, or a terminating error that says where it was looked for and how to save one.</summary>
        public static SavedProfile Load(string name, string namedBy)
        {
            string path = PathOf(name);
            if (!File.Exists(path))
                throw new TerminatingCmdletError(new ErrorRecord(new ItemNotFoundException(
                        $"{namedBy} names the SendPilot profile '{name}', but there is no {path}; save it with Connect-SpAccount -ApiKey <key> -Save -ProfileName {name}, or list the saved ones with Get-SpProfile."),
                    "SendPilot.ProfileNotFound", ErrorCategory.ObjectNotFound, name));
            return Read(path);
        }

        public static IEnumerable<SavedProfile> List()
        {
            if (!Directory.Exists(ProfilesFolder)) return Enumerable.Empty<SavedProfile>();
            return Directory.EnumerateFiles(ProfilesFolder, "*.json").OrderBy(p => p, StringComparer.OrdinalIgnoreCase).Select(Read);
        }

        public static bool Remove(string name)
        {
            string path = PathOf(name);
            if (!File.Exists(path)) return false;
            File.Delete(path);
            return true;
        }

        private static SavedProfile Read(string path)
        {
            try
            {
                ProfileData data = JsonSerializer.Deserialize<ProfileData>(File.ReadAllText(path)) ?? throw new InvalidDataException("the file is empty");
                return new SavedProfile(data, path, File.GetLastWriteTimeUtc(path).Ticks.ToString());
            }
            catch (Exception e) when (e is JsonException || e is InvalidDataException || e is IOException)
            {
                throw new TerminatingCmdletError(new ErrorRecord(new InvalidDataException(
                        $"The SendPilot profile file {path} cannot be read ({e.Message}); save the profile again with Connect-SpAccount -Save, or delete the file."),
                    "SendPilot.ProfileUnreadable", ErrorCategory.ReadError, path));
            }
        }
    }
}
