using System;
using System.Runtime.CompilerServices;

namespace SendPilot.Client.Leads
{
    /// <summary>
    /// The URLs already seen in an upload, kept as 64-bit fingerprints in an open-addressing table
    /// (about 12 bytes a URL instead of ~130 for a HashSet of strings), so a million-row upload stays
    /// small. Two different URLs sharing a fingerprint is about a 1-in-30-million event per million rows.
    /// </summary>
    public sealed class FingerprintSet
    {
        private ulong[] _slots = new ulong[1024];
        private int _count;

        public int Count => _count;

        /// <summary>Adds the text's fingerprint; false when it was already there.</summary>
        [MethodImpl(HotPath.Optimized)]
        public bool Add(string text)
        {
            ulong hash = Fingerprint(text);
            if ((_count + 1) * 10L > _slots.Length * 7L) Grow();
            if (!Insert(_slots, hash)) return false;
            _count++;
            return true;
        }

        [MethodImpl(HotPath.Optimized)]
        private static bool Insert(ulong[] slots, ulong hash)
        {
            int mask = slots.Length - 1;
            for (int i = (int)(hash ^ (hash >> 32)) & mask; ; i = (i + 1) & mask)
            {
                if (slots[i] == hash) return false;
                if (slots[i] == 0)
                {
                    slots[i] = hash;
                    return true;
                }
            }
        }

        private void Grow()
        {
            var bigger = new ulong[_slots.Length * 2];
            foreach (ulong hash in _slots)
                if (hash != 0) Insert(bigger, hash);
            _slots = bigger;
        }

        /// <summary>FNV-1a over the UTF-16 code units, finalised with a 64-bit mixer; never 0 (the empty slot).</summary>
        [MethodImpl(HotPath.Optimized)]
        internal static ulong Fingerprint(string text)
        {
            ulong hash = 14695981039346656037UL;
            foreach (char c in text)
            {
                hash ^= c;
                hash *= 1099511628211UL;
            }
            hash ^= hash >> 33;
            hash *= 0xff51afd7ed558ccdUL;
            hash ^= hash >> 33;
            hash *= 0xc4ceb9fe1a85ec53UL;
            hash ^= hash >> 33;
            return hash == 0 ? 1 : hash;
        }
    }
}
