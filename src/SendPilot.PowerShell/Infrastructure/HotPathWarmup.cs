using System;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SendPilot.Client;

namespace SendPilot.PowerShell.Infrastructure
{
    /// <summary>
    /// As the module is imported, on a background thread: compiles the per-row methods (<see cref="HotPath"/>), builds
    /// their types' static state, and makes the first use of System.Text.Json's writer and reader, of the engine's
    /// Properties enumeration and of the HTTP core (<see cref="HttpWarmup"/>, in memory). A scheduled script imports the
    /// module and then reads its input; in a cold process that first read is slow, and the other core can do this
    /// meanwhile instead of the pipeline thread on the first row and the first request.
    /// </summary>
    internal static class HotPathWarmup
    {
        private static TaskCompletionSource<bool> s_finished = new TaskCompletionSource<bool>();

        /// <summary>The latest warm-up's end, faulted with what failed. Nothing in the module waits for it; tests do.</summary>
        internal static Task Finished => s_finished.Task;

        public static void Start()
        {
            var finished = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            s_finished = finished;
            new Thread(() => Run(finished)) { IsBackground = true, Name = "SendPilot warm-up", Priority = ThreadPriority.BelowNormal }.Start();
        }

        private static void Run(TaskCompletionSource<bool> finished)
        {
            try
            {
                MethodInfo[] methods = HotMethods(typeof(HotPathWarmup).Assembly).Concat(HotMethods(typeof(HotPath).Assembly)).ToArray();
                // Their types' static state too (compiled accessors, name tables), which the first row would build.
                foreach (Type type in methods.Select(m => m.DeclaringType!).Distinct())
                    RuntimeHelpers.RunClassConstructor(type.TypeHandle);
                foreach (MethodInfo method in methods)
                    RuntimeHelpers.PrepareMethod(method.MethodHandle);
                // The first answer is read this way; its first use builds the serializer's metadata.
                JsonSerializer.Deserialize<JsonElement>(WarmupBody());
                // Add-SpLead checks the first row of each type against its Properties: the engine's first enumeration.
                var row = new System.Management.Automation.PSObject();
                row.Properties.Add(new System.Management.Automation.PSNoteProperty("linkedinUrl", "https://www.linkedin.com/in/warm-up"));
                foreach (var property in row.Properties) _ = property.Name;
                // Last, as the first request of the statement comes later than its first row.
                HttpWarmup.Run();
                finished.TrySetResult(true);
            }
            catch (Exception failure)
            {
                // Only ever an optimisation: whatever fails here is compiled on first use as usual.
                finished.TrySetException(failure);
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
