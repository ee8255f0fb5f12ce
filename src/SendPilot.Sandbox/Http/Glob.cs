using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace SendPilot.Sandbox.Http;

/// <summary>Path globs: '*' matches any run of characters (slashes included), '?' one character.</summary>
internal static class Glob
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new();

    public static bool IsMatch(string pattern, string path) =>
        Cache.GetOrAdd(pattern, ToRegex).IsMatch(path);

    public static bool MethodMatches(string? wanted, string method) =>
        string.IsNullOrEmpty(wanted) || wanted == "*" || string.Equals(wanted, method, StringComparison.OrdinalIgnoreCase);

    private static Regex ToRegex(string pattern)
    {
        var body = Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".");
        return new Regex($"^{body}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
