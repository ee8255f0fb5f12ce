using System;
using System.Buffers;

namespace SendPilot.Client.Json
{
    /// <summary>
    /// A growable byte buffer to write JSON into again and again: one array that keeps its size between bodies, so
    /// serialising a request costs one exact-size copy (<see cref="ToArray"/>) instead of a chain of growing arrays.
    /// Not thread-safe: one writer at a time.
    /// </summary>
    internal sealed class ReusableBuffer : IBufferWriter<byte>
    {
        private byte[] _buffer;
        private int _written;

        public ReusableBuffer(int initialBytes) => _buffer = new byte[initialBytes];

        public void Clear() => _written = 0;

        public byte[] ToArray() => _buffer.AsSpan(0, _written).ToArray();

        public void Advance(int count) => _written += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsMemory(_written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsSpan(_written);
        }

        private void Ensure(int sizeHint)
        {
            int needed = _written + Math.Max(sizeHint, 1);
            if (needed <= _buffer.Length) return;
            Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
        }
    }
}
