using System.Runtime.InteropServices;
using System.Text;

namespace KnowledgeGraph.Domain.Projection;

/// <summary>
/// Dense integer ids for resource ids (the part after <c>entities/</c> or <c>relationships/</c>), held
/// compactly: every id's ASCII bytes in one growing buffer, and an open-addressing hash index of
/// positions. A million names cost about their bytes plus 12 bytes each, where a
/// <c>Dictionary&lt;string, int&gt;</c> would cost over 80.
/// <para>
/// One writer appends (the projection's applier); any number of readers look up concurrently. A
/// reader sees a consistent prefix: the count and the arrays are published together after a write,
/// and a slot pointing past what a reader's state holds is treated as empty.
/// </para>
/// </summary>
public sealed class NameTable
{
    private const int MaxIdLength = 256;

    private State _state;

    public NameTable() => _state = new(new byte[1 << 16], new int[1 << 10], new int[1 << 11], 0);

    private NameTable(State state) => _state = state;

    /// <summary>How many names the table holds: ids are 0..Count-1.</summary>
    public int Count => Volatile.Read(ref _state).Count;

    /// <summary>The id of <paramref name="name"/>, or -1 when the table does not hold it.</summary>
    public int Find(ReadOnlySpan<char> name)
    {
        if (name.Length is 0 or > MaxIdLength || !Ascii.IsValid(name)) return -1;
        Span<byte> bytes = stackalloc byte[name.Length];
        Encoding.ASCII.GetBytes(name, bytes);
        return Volatile.Read(ref _state).Find(bytes);
    }

    /// <summary>The id of <paramref name="name"/>, appending it when new. Only the single writer calls this.</summary>
    public int GetOrAdd(ReadOnlySpan<char> name)
    {
        Span<byte> bytes = stackalloc byte[MaxIdLength];
        bytes = AsciiBytes(name, bytes);
        var state = _state;
        var found = state.Find(bytes);
        if (found >= 0) return found;
        Volatile.Write(ref _state, state.Append(bytes));
        return state.Count;
    }

    /// <summary>The bytes of <paramref name="name"/> in <paramref name="buffer"/>, or an exception when it is not an ASCII id of 1..<see cref="MaxIdLength"/> characters.</summary>
    private static Span<byte> AsciiBytes(ReadOnlySpan<char> name, Span<byte> buffer)
    {
        if (name.Length is 0 or > MaxIdLength || !Ascii.IsValid(name))
            throw new ArgumentException($"'{name}' is not an ASCII id of 1..{MaxIdLength} characters.", nameof(name));
        var bytes = buffer[..name.Length];
        Encoding.ASCII.GetBytes(name, bytes);
        return bytes;
    }

    /// <summary>
    /// Builds a table from names as a projection load reads them. While they come in strictly
    /// ascending order, as a store lists them, each is new, so adding it looks nothing up and the
    /// hash index is built once, at the end; from the first that does not, every name is looked up
    /// as <see cref="NameTable.GetOrAdd"/> does. (Looking every new name up missed the cache two or
    /// three times per name: a tenth of loading 5M relationships.)
    /// </summary>
    public sealed class Builder
    {
        private byte[] _buffer = new byte[1 << 16];
        private int[] _offsets = new int[1 << 10];
        private int _ascending;
        private NameTable? _table;

        public int Count => _table?.Count ?? _ascending;

        /// <summary>The id of <paramref name="name"/>, adding it when new.</summary>
        public int GetOrAdd(ReadOnlySpan<char> name)
        {
            if (_table is null)
            {
                Span<byte> bytes = stackalloc byte[MaxIdLength];
                bytes = AsciiBytes(name, bytes);
                if (_ascending == 0 || Bytes(_ascending - 1).SequenceCompareTo(bytes) < 0) return Append(bytes);
                ToTable();
            }
            return _table!.GetOrAdd(name);
        }

        /// <summary>The table of every name added (ids in the order they were first added); the builder goes on adding to it.</summary>
        public NameTable ToTable()
        {
            if (_table is null)
            {
                var size = 1 << 11;
                while (size < (_ascending + 1) * 2) size <<= 1;
                _table = new NameTable(new State(_buffer, _offsets, State.Rehash(size, _buffer, _offsets, _ascending), _ascending));
            }
            return _table;
        }

        private ReadOnlySpan<byte> Bytes(int id) => _buffer.AsSpan(_offsets[id], _offsets[id + 1] - _offsets[id]);

        private int Append(ReadOnlySpan<byte> bytes)
        {
            var end = _offsets[_ascending];
            if (end + bytes.Length > _buffer.Length) _buffer = State.Grow(_buffer, end + bytes.Length, end);
            if (_ascending + 2 > _offsets.Length) _offsets = State.Grow(_offsets, _ascending + 2, _ascending + 1);
            bytes.CopyTo(_buffer.AsSpan(end));
            _offsets[_ascending + 1] = end + bytes.Length;
            return _ascending++;
        }
    }

    /// <summary>The name with id <paramref name="id"/>.</summary>
    public string NameOf(int id) => Encoding.ASCII.GetString(Volatile.Read(ref _state).Bytes(id));

    /// <summary>Ordinal comparison of two names by id, without allocating (ids are ASCII, so byte order is char order).</summary>
    public int Compare(int a, int b)
    {
        if (a == b) return 0;
        var state = Volatile.Read(ref _state);
        return state.Bytes(a).SequenceCompareTo(state.Bytes(b));
    }

    /// <summary>Bytes held, for memory reports.</summary>
    public long SizeInBytes
    {
        get
        {
            var state = Volatile.Read(ref _state);
            return state.Buffer.LongLength + state.Offsets.LongLength * 4 + state.Slots.LongLength * 4;
        }
    }

    /// <summary>
    /// One published version of the table. Appends within capacity write past <see cref="Count"/>
    /// and publish a new State with the same arrays; growth copies into larger arrays.
    /// </summary>
    private sealed class State(byte[] buffer, int[] offsets, int[] slots, int count)
    {
        public byte[] Buffer { get; } = buffer;
        public int[] Offsets { get; } = offsets; // Offsets[i] = start of name i; Offsets[Count] = end.
        public int[] Slots { get; } = slots;     // 0 = empty, else id + 1.
        public int Count { get; } = count;

        public ReadOnlySpan<byte> Bytes(int id)
        {
            if ((uint)id >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(id), id, $"the table holds {Count} names");
            return Buffer.AsSpan(Offsets[id], Offsets[id + 1] - Offsets[id]);
        }

        public int Find(ReadOnlySpan<byte> name)
        {
            var mask = Slots.Length - 1;
            for (var slot = Hash(name) & mask; ; slot = (slot + 1) & mask)
            {
                var entry = Volatile.Read(ref Slots[slot]) - 1;
                if (entry < 0) return -1;
                if (entry < Count && Bytes(entry).SequenceEqual(name)) return entry;
            }
        }

        public State Append(ReadOnlySpan<byte> name)
        {
            var buffer = Buffer;
            var offsets = Offsets;
            var slots = Slots;
            var end = offsets[Count];
            if (end + name.Length > buffer.Length) buffer = Grow(buffer, end + name.Length, end);
            if (Count + 2 > offsets.Length) offsets = Grow(offsets, Count + 2, Count + 1);
            name.CopyTo(buffer.AsSpan(end));
            offsets[Count + 1] = end + name.Length;
            if ((Count + 1) * 2 > slots.Length) slots = Rehash(slots.Length * 2, buffer, offsets, Count);
            var mask = slots.Length - 1;
            var slot = Hash(name) & mask;
            while (slots[slot] != 0) slot = (slot + 1) & mask;
            Volatile.Write(ref slots[slot], Count + 1);
            return new State(buffer, offsets, slots, Count + 1);
        }

        public static int[] Rehash(int size, byte[] buffer, int[] offsets, int count)
        {
            var slots = new int[size];
            var mask = size - 1;
            for (var id = 0; id < count; id++)
            {
                var slot = Hash(buffer.AsSpan(offsets[id], offsets[id + 1] - offsets[id])) & mask;
                while (slots[slot] != 0) slot = (slot + 1) & mask;
                slots[slot] = id + 1;
            }
            return slots;
        }

        public static T[] Grow<T>(T[] array, int needed, int used)
        {
            var grown = new T[Math.Max(needed, array.Length * 2)];
            Array.Copy(array, grown, used);
            return grown;
        }

        private static int Hash(ReadOnlySpan<byte> name)
        {
            var hash = new HashCode();
            hash.AddBytes(name);
            return hash.ToHashCode() & int.MaxValue;
        }
    }
}
