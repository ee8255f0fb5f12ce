using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace SendPilot.Client.Ledger
{
    /// <summary>
    /// The durable send log of one workspace: an append-only file of JSON lines, an intent line before each
    /// request leaves (flushed to disk) and an outcome line after. Every read and write holds an exclusive
    /// lock on the file, so processes sending at once see each other's intents; each instance keeps what it
    /// has read in memory and reads only what was appended since. A torn last line (a crash mid-write) is
    /// ignored. Thread-safe.
    /// </summary>
    public sealed class SendLedger
    {
        public static readonly TimeSpan DefaultLockWait = TimeSpan.FromSeconds(10);

        private readonly object _gate = new object();
        private readonly TimeSpan _lockWait;
        private readonly Dictionary<string, SendLogEntry> _byId = new Dictionary<string, SendLogEntry>(StringComparer.Ordinal);
        private readonly Dictionary<string, List<SendLogEntry>> _byRecipient = new Dictionary<string, List<SendLogEntry>>(StringComparer.OrdinalIgnoreCase);
        private readonly List<SendLogEntry> _inOrder = new List<SendLogEntry>();
        private string? _header;
        private byte[] _headerLine = new byte[0];
        private readonly byte[] _headerBuffer = new byte[256];
        private long _readUpTo;

        public SendLedger(string folder, string workspace, TimeSpan? lockWait = null)
        {
            Folder = folder;
            Workspace = workspace;
            FilePath = LedgerLocation.FileFor(folder, workspace);
            _lockWait = lockWait ?? DefaultLockWait;
        }

        public string Folder { get; }
        public string Workspace { get; }
        public string FilePath { get; }

        /// <summary>The latest entry that stops <paramref name="item"/> from going out again, or null.</summary>
        public SendLogEntry? FindBlocking(LedgerItem item) => Locked(file => LatestBlocking(item)?.Copy());

        /// <summary>
        /// Like <see cref="FindBlocking"/>, from what this instance has already read (the file is read only the first
        /// time): for previews, which <see cref="Claim"/> checks again under the lock.
        /// </summary>
        public SendLogEntry? PeekBlocking(LedgerItem item)
        {
            lock (_gate)
            {
                if (_header == null) return FindBlocking(item);
                return LatestBlocking(item)?.Copy();
            }
        }

        /// <summary>
        /// Atomically: unless an entry blocks the item (returned, nothing written), appends the item's intent
        /// from <paramref name="senderId"/> and flushes it to disk before returning its new id.
        /// </summary>
        public (SendLogEntry? Blocking, string? IntentId) Claim(LedgerItem item, string senderId, bool force)
        {
            return Locked(file =>
            {
                SendLogEntry? blocking = force ? null : LatestBlocking(item);
                if (blocking != null) return (blocking.Copy(), (string?)null);
                var entry = new SendLogEntry
                {
                    Id = "sl_" + Guid.NewGuid().ToString("N").Substring(0, 16),
                    Action = item.Action,
                    RecipientLinkedinUrl = item.RecipientLinkedinUrl,
                    LeadId = item.LeadId,
                    SenderId = senderId,
                    TextHash = item.TextHash,
                    Time = DateTimeOffset.UtcNow,
                    Workspace = Workspace,
                };
                Append(file, LedgerLine.Intent(entry), durable: true);
                Apply(entry);
                return ((SendLogEntry?)null, (string?)entry.Id);
            });
        }

        /// <summary>Records how an entry ended (sent, refused, unknown, notsent). False when the log has no such entry.</summary>
        public bool RecordOutcome(string id, string status, string? receiptId = null, string? reason = null)
        {
            return Locked(file =>
            {
                if (!_byId.ContainsKey(id)) return false;
                var outcome = new LedgerOutcome(id, status, receiptId, reason, DateTimeOffset.UtcNow);
                Append(file, LedgerLine.Outcome(outcome), durable: false);
                ApplyOutcome(outcome);
                return true;
            });
        }

        /// <summary>Every entry, oldest first.</summary>
        public IReadOnlyList<SendLogEntry> ReadAll() => Locked(file => _inOrder.Select(e => e.Copy()).ToList());

        public SendLogEntry? Find(string id) => Locked(file => _byId.TryGetValue(id, out SendLogEntry? e) ? e.Copy() : null);

        /// <summary>Removes the entries older than <paramref name="cutoff"/>, rewriting the file in place; returns how many went.</summary>
        public int Prune(DateTimeOffset cutoff)
        {
            return Locked(file =>
            {
                var kept = _inOrder.Where(e => e.Time >= cutoff).ToList();
                int removed = _inOrder.Count - kept.Count;
                if (removed == 0) return 0;
                file.SetLength(0);
                var text = new MemoryStream();
                WriteLine(text, LedgerLine.Header(_header = NewHeader()));
                foreach (SendLogEntry entry in kept)
                {
                    WriteLine(text, LedgerLine.Intent(entry));
                    if (entry.Status != SendLogStatus.Unknown || entry.Reason != null)
                        WriteLine(text, LedgerLine.Outcome(new LedgerOutcome(entry.Id, entry.Status, entry.ReceiptId, entry.Reason, entry.OutcomeTime ?? entry.Time)));
                }
                file.Position = 0;
                text.WriteTo(file);
                file.Flush(true);
                Forget();
                foreach (SendLogEntry entry in kept) Apply(entry);
                _readUpTo = file.Length;
                return removed;
            });
        }

        private SendLogEntry? LatestBlocking(LedgerItem item)
        {
            SendLogEntry? latest = null;
            foreach (string key in item.RecipientKeys())
            {
                if (!_byRecipient.TryGetValue(key, out List<SendLogEntry>? entries)) continue;
                foreach (SendLogEntry entry in entries)
                    if (item.IsBlockedBy(entry) && (latest == null || entry.Time > latest.Time)) latest = entry;
            }
            return latest;
        }

        private T Locked<T>(Func<FileStream, T> action)
        {
            lock (_gate)
            {
                using FileStream file = OpenExclusive();
                CatchUp(file);
                return action(file);
            }
        }

        private FileStream OpenExclusive()
        {
            bool created = !Directory.Exists(Folder);
            Directory.CreateDirectory(Folder);
            if (created) OwnerOnly.Folder(Folder);
            DateTime deadline = DateTime.UtcNow + _lockWait;
            for (int wait = 5; ; wait = Math.Min(wait * 2, 50))
            {
                bool isNew = !File.Exists(FilePath);
                try
                {
                    var file = new FileStream(FilePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.None);
                    if (isNew || file.Length == 0) Initialise(file);
                    return file;
                }
                catch (IOException busy) when (!(busy is FileNotFoundException || busy is DirectoryNotFoundException || busy is PathTooLongException))
                {
                    if (DateTime.UtcNow >= deadline)
                        throw new SendLedgerException($"The send log {FilePath} stayed locked by another process for {_lockWait.TotalSeconds:0.#} s, so nothing was sent for this item. Try again once the other send has finished.", busy);
                    Thread.Sleep(wait);
                }
            }
        }

        private void Initialise(FileStream file)
        {
            OwnerOnly.File(FilePath);
            if (file.Length > 0) return;
            Append(file, LedgerLine.Header(NewHeader()), durable: true);
        }

        /// <summary>Reads what other writers appended since the last look; starts over when the file was rewritten (pruned).</summary>
        private void CatchUp(FileStream file)
        {
            string? header = ReadHeader(file);
            if (header != _header || file.Length < _readUpTo)
            {
                Forget();
                _header = header;
            }
            if (file.Length == _readUpTo) return;
            file.Position = _readUpTo;
            var tail = new byte[file.Length - _readUpTo];
            int read = 0;
            while (read < tail.Length)
            {
                int n = file.Read(tail, read, tail.Length - read);
                if (n == 0) break;
                read += n;
            }
            int start = 0;
            for (int i = 0; i < read; i++)
            {
                if (tail[i] != (byte)'\n') continue;
                ParseLine(new ReadOnlySpan<byte>(tail, start, i - start));
                start = i + 1;
            }
            // Bytes after the last newline are a torn line (a crash mid-write): left unread.
            _readUpTo += start;
        }

        /// <summary>The file's first line, which a prune replaces: compared as bytes, so each look costs one small read.</summary>
        private string? ReadHeader(FileStream file)
        {
            if (file.Length == 0) return null;
            file.Position = 0;
            int n = file.Read(_headerBuffer, 0, _headerBuffer.Length);
            int end = Array.IndexOf(_headerBuffer, (byte)'\n', 0, n);
            if (end < 0) return null;
            if (_header != null && end == _headerLine.Length && new ReadOnlySpan<byte>(_headerBuffer, 0, end).SequenceEqual(_headerLine)) return _header;
            _headerLine = new ReadOnlySpan<byte>(_headerBuffer, 0, end).ToArray();
            return LedgerLine.HeaderId(_headerLine);
        }

        private void ParseLine(ReadOnlySpan<byte> line)
        {
            switch (LedgerLine.Parse(line, Workspace))
            {
                case SendLogEntry intent:
                    Apply(intent);
                    break;
                case LedgerOutcome outcome:
                    ApplyOutcome(outcome);
                    break;
            }
        }

        private void Apply(SendLogEntry entry)
        {
            if (_byId.ContainsKey(entry.Id)) return;
            _byId[entry.Id] = entry;
            _inOrder.Add(entry);
            foreach (string key in LedgerItem.KeysOf(entry.RecipientLinkedinUrl, entry.LeadId))
            {
                if (!_byRecipient.TryGetValue(key, out List<SendLogEntry>? list)) _byRecipient[key] = list = new List<SendLogEntry>();
                list.Add(entry);
            }
        }

        private void ApplyOutcome(LedgerOutcome outcome)
        {
            if (!_byId.TryGetValue(outcome.Id, out SendLogEntry? entry)) return;
            entry.Status = outcome.Status;
            entry.ReceiptId = outcome.ReceiptId ?? entry.ReceiptId;
            entry.Reason = outcome.Reason;
            entry.OutcomeTime = outcome.Status == SendLogStatus.Unknown ? (DateTimeOffset?)null : outcome.Time;
        }

        private void Forget()
        {
            _byId.Clear();
            _byRecipient.Clear();
            _inOrder.Clear();
            _readUpTo = 0;
        }

        private void Append(FileStream file, byte[] line, bool durable)
        {
            file.Position = file.Length;
            if (file.Length > 0)
            {
                file.Position = file.Length - 1;
                bool endsClean = file.ReadByte() == '\n';
                file.Position = file.Length;
                if (!endsClean) file.WriteByte((byte)'\n'); // seal a torn line so it stays a line of its own
            }
            file.Write(line, 0, line.Length);
            file.Flush(durable);
            _readUpTo = file.Length;
        }

        private static void WriteLine(Stream stream, byte[] line) => stream.Write(line, 0, line.Length);

        private static string NewHeader() => Guid.NewGuid().ToString("N");
    }

    /// <summary>The send log could not be read or written in time; nothing was sent.</summary>
    public sealed class SendLedgerException : IOException
    {
        public SendLedgerException(string message, Exception? inner = null) : base(message, inner) { }
    }
}
