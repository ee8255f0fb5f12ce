using System;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Reflection;

namespace SendPilot.PowerShell.Infrastructure
{
    /// <summary>
    /// On Windows PowerShell 5.1, System.Text.Json and its chain load from dependencies/ — but only
    /// when one of our own assemblies asks, so no other module's copy is ever replaced. On
    /// PowerShell 7 the runtime's own System.Text.Json is used and this handler stays out of the way.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".";
        private static readonly string DependencyDirectory = Path.Combine(ModuleDirectory, "dependencies");

        internal static bool IsDesktop => RuntimeDescription().StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        public void OnImport()
        {
            if (!IsDesktop)
            {
                HotPathWarmup.Start();
                return;
            }
            AppDomain.CurrentDomain.AssemblyResolve += ResolveOwnDependency;
            // Add TLS 1.2 without removing anything the session already allows.
            ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
        }

        public void OnRemove(PSModuleInfo module)
        {
            if (IsDesktop) AppDomain.CurrentDomain.AssemblyResolve -= ResolveOwnDependency;
        }

        private static Assembly? ResolveOwnDependency(object? sender, ResolveEventArgs args)
        {
            if (!IsOurs(args.RequestingAssembly)) return null;
            string candidate = Path.Combine(DependencyDirectory, new AssemblyName(args.Name).Name + ".dll");
            return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
        }

        private static bool IsOurs(Assembly? requester)
        {
            if (requester == null || requester.IsDynamic) return false;
            string? directory = Path.GetDirectoryName(requester.Location);
            return string.Equals(directory, ModuleDirectory, StringComparison.OrdinalIgnoreCase)
                || string.Equals(directory, DependencyDirectory, StringComparison.OrdinalIgnoreCase);
        }

        private static string RuntimeDescription() =>
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription ?? "";
    }
}
