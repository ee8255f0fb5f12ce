using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace SendPilot.PowerShell.Tests.Infrastructure;

/// <summary>
/// A host that keeps what PowerShell writes to the console itself — such as the "What if:" lines of
/// -WhatIf, which reach no stream — so tests can read them. It never prompts, except that with a
/// <c>secureAnswer</c> it answers a masked read (Read-Host -AsSecureString) as a user typing it would.
/// </summary>
public sealed class CapturingHost : PSHost
{
    private readonly CapturingUI _ui;

    public CapturingHost(string? secureAnswer = null) => _ui = new CapturingUI(secureAnswer);

    public string Text
    {
        get { lock (_ui.Buffer) return _ui.Buffer.ToString(); }
    }

    public void Clear()
    {
        lock (_ui.Buffer) _ui.Buffer.Clear();
    }

    public override string Name => "CapturingHost";
    public override Version Version => new(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
    public override void SetShouldExit(int exitCode) { }
    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }

    private sealed class CapturingUI : PSHostUserInterface
    {
        private readonly string? _secureAnswer;

        public CapturingUI(string? secureAnswer) => _secureAnswer = secureAnswer;

        public StringBuilder Buffer { get; } = new();

        private void Add(string text)
        {
            lock (Buffer) Buffer.Append(text);
        }

        public override PSHostRawUserInterface? RawUI => null;
        public override string ReadLine() => throw new NotSupportedException("The test host does not prompt.");
        public override SecureString ReadLineAsSecureString()
        {
            if (_secureAnswer == null) throw new NotSupportedException("The test host does not prompt.");
            var secure = new SecureString();
            foreach (char c in _secureAnswer) secure.AppendChar(c);
            return secure;
        }
        public override void Write(string value) => Add(value);
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Add(value);
        public override void WriteLine(string value) => Add(value + "\n");
        public override void WriteErrorLine(string value) { }
        public override void WriteDebugLine(string message) { }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) { }
        public override void WriteWarningLine(string message) => Add("WARNING: " + message + "\n");
        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new NotSupportedException("The test host does not prompt.");
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new NotSupportedException("The test host does not prompt.");
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new NotSupportedException("The test host does not prompt.");
        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) =>
            throw new NotSupportedException("The test host does not prompt.");
    }
}
