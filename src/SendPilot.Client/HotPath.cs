using System.Runtime.CompilerServices;

namespace SendPilot.Client
{
    /// <summary>
    /// For the few methods every input row passes through. Compiled fully optimised on their first call instead of
    /// running as quick, unoptimised first-tier code until the runtime gets round to recompiling them: a scheduled
    /// script is one cold process, and its rows would otherwise be read by the slow code. (MethodImplOptions'
    /// AggressiveOptimization, which netstandard2.0 does not name; Windows PowerShell's runtime ignores it.)
    /// </summary>
    public static class HotPath
    {
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
    }
}
