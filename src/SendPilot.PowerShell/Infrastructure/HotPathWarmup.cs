using System;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using SendPilot.Client;

namespace SendPilot.PowerShell.Infrastructure
{
    /// <summary>
    /// Compiles the per-row methods (<see cref="HotPath"/>) and System.Text.Json's writer and reader on a background
    /// thread as the module is imported. A scheduled script imports the module and then reads its input; in a cold
    /// process that first read is slow, and the other core can compile meanwhile instead of the pipeline thread
    /// compiling on the first row.
    /// </summary>
    internal static class HotPathWarmup
    {
        public static void Start() =>
            new Thread(Run) { IsBackground = true, Name = "SendPilot warm-up", Priority = ThreadPriority.BelowNormal }.Start();

        private static void Run()
        {
            try
            {
                foreach (MethodInfo method in HotMethods(typeof(HotPathWarmup).Assembly).Concat(HotMethods(typeof(HotPath).Assembly)))
                    RuntimeHelpers.PrepareMethod(method.MethodHandle);
                using var document = JsonDocument.Parse(WarmupBody());
            }
            catch (Exception)
            {
                // Only ever an optimisation: whatever fails here is compiled on first use as usual.
            }
        }

        private static System.Collections.Generic.IEnumerable<MethodInfo> HotMethods(Assembly assembly) =>
            assembly.GetTypes()
                .Where(t => !t.IsGenericTypeDefinition)
                .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                .Where(m => !m.IsAbstract && !m.IsGenericMethodDefinition && (m.MethodImplementationFlags & (MethodImplAttributes)HotPath.Optimized) != 0);

        private static byte[] WarmupBody()
        {
            var buffer = new System.IO.MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString(JsonEncodedText.Encode("linkedinUrl"), "https://www.linkedin.com/in/warm-up");
                writer.WriteNumber("leadsAdded", 1);
                writer.WriteEndObject();
            }
            return buffer.ToArray();
        }
    }
}
