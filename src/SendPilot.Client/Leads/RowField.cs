using System;
using System.Collections;
using System.Runtime.CompilerServices;

namespace SendPilot.Client.Leads
{
    /// <summary>How a row's value is shaped: what decides whether it can be sent as a flat field.</summary>
    public enum RowValueShape
    {
        /// <summary>Text, a number, true/false, a date, a URL or nothing.</summary>
        Flat,

        /// <summary>An object with properties of its own (a dictionary, a [pscustomobject], any other object).</summary>
        Nested,

        /// <summary>Several values (an array or any other sequence that is not text).</summary>
        List,
    }

    /// <summary>One named value of an input row, unwrapped once and labelled with its shape.</summary>
    public readonly struct RowField
    {
        public RowField(string name, object? value, RowValueShape shape)
        {
            Name = name;
            Value = value;
            Shape = shape;
        }

        public RowField(string name, object? value) : this(name, value, ShapeOf(value)) { }

        public string Name { get; }
        public object? Value { get; }
        public RowValueShape Shape { get; }

        [MethodImpl(HotPath.Optimized)]
        public static RowValueShape ShapeOf(object? value)
        {
            switch (value)
            {
                case null: case DBNull _: case string _: case Uri _:
                case bool _: case char _: case Guid _: case Enum _: case TimeSpan _:
                case DateTime _: case DateTimeOffset _:
                case int _: case long _: case short _: case byte _: case sbyte _:
                case uint _: case ulong _: case ushort _: case decimal _: case double _: case float _:
                    return RowValueShape.Flat;
                case IDictionary _:
                    return RowValueShape.Nested;
                case IEnumerable _:
                    return RowValueShape.List;
                default:
                    return RowValueShape.Nested;
            }
        }
    }
}
