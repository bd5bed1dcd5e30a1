using System.Buffers;
using System.Text.Json;

namespace Gateway.Transforms.Extraction;

/// <summary>Builds "field: message; field: message" from validation entries, keeping the first few.</summary>
/// <remarks>The line is written to a pooled buffer, and a message the reader holds is copied there without becoming a
/// string of its own: <see cref="Result"/> is the only string made. It ends the line (the buffer goes back to the pool).</remarks>
internal sealed class ErrorLine
{
    private const int MaxItems = 10;
    private const int FirstCapacity = 256;
    private const string Separator = "; ";

    private char[]? _buffer;
    private int _length;
    private int _items;
    private string? _result;
    private bool _ended;

    /// <summary>The line, or <see langword="null"/> when no entry had a message. Ends the line: later entries are ignored.</summary>
    public string? Result
    {
        get
        {
            if (!_ended)
            {
                _ended = true;
                _result = _length == 0 ? null : new string(_buffer!, 0, _length);
                if (_buffer is not null)
                {
                    ArrayPool<char>.Shared.Return(_buffer);
                    _buffer = null;
                }
            }

            return _result;
        }
    }

    /// <summary>Whether the line holds its maximum of entries, or is longer than a message is shown: then
    /// <see cref="Add(ReadOnlySpan{char}, string?)"/> ignores any more (their text is in the scanned body; the line is
    /// scanned too, so it need not be longer than the entries a client may see).</summary>
    public bool IsFull => _items >= MaxItems || _length > MessageText.MaxLength;

    /// <param name="field">The field name as the body has it (empty for none).</param>
    /// <param name="message">The message; empty or white space adds nothing.</param>
    public void Add(ReadOnlySpan<char> field, string? message) => Add(field, message.AsSpan());

    /// <summary>Adds the string value the reader stands on as a message, copied from the reader.</summary>
    /// <remarks>Throws what <see cref="Utf8JsonReader.GetString"/> throws on the same value (a lone surrogate escape).</remarks>
    public void Add(scoped ReadOnlySpan<char> field, ref Utf8JsonReader reader)
    {
        if (IsFull || _ended)
        {
            return;
        }

        // Unescaped, a value never has more UTF-16 units than its UTF-8 bytes.
        var longest = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        var name = FieldName(field);
        var prefix = (_length > 0 ? Separator.Length : 0) + (name.IsEmpty ? 0 : name.Length + 2);
        Reserve(prefix + longest);

        // The value goes where it will stay once the prefix is written before it; trimmed, it may move left.
        var place = _buffer.AsSpan(_length + prefix);
        var copied = reader.CopyString(place);
        var message = place[..copied];
        var trimmed = message.Trim();
        if (trimmed.IsEmpty)
        {
            return;
        }

        var shift = message.Length - message.TrimStart().Length;
        WritePrefix(name);
        place.Slice(shift, trimmed.Length).CopyTo(_buffer.AsSpan(_length));
        _length += trimmed.Length;
    }

    private void Add(ReadOnlySpan<char> field, ReadOnlySpan<char> message)
    {
        message = message.Trim();
        if (message.IsEmpty || IsFull || _ended)
        {
            return;
        }

        var name = FieldName(field);
        Reserve((_length > 0 ? Separator.Length : 0) + (name.IsEmpty ? 0 : name.Length + 2) + message.Length);
        WritePrefix(name);
        message.CopyTo(_buffer.AsSpan(_length));
        _length += message.Length;
    }

    // Counts the entry and writes the separator and "field: " before its message.
    private void WritePrefix(ReadOnlySpan<char> name)
    {
        _items++;
        if (_length > 0)
        {
            Append(Separator);
        }

        if (!name.IsEmpty)
        {
            Append(name);
            Append(": ");
        }
    }

    private void Append(ReadOnlySpan<char> text)
    {
        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    // Room for this many more characters.
    private void Reserve(int more)
    {
        var needed = checked(_length + more);
        if (_buffer is not null && needed <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<char>.Shared.Rent(Math.Max(needed, Math.Max(FirstCapacity, 2 * (_buffer?.Length ?? 0))));
        if (_buffer is not null)
        {
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<char>.Shared.Return(_buffer);
        }

        _buffer = larger;
    }

    // System.Text.Json paths ("$.grade") become the member name, and JSON pointers ("/grade", Micronaut) the member they
    // end at, as JSON:API's source pointer does; the root and the frameworks' "whole object" keys (ASP.NET "" and "$",
    // Django "non_field_errors" and "__all__", Rails "base") are no field at all (empty).
    private static ReadOnlySpan<char> FieldName(ReadOnlySpan<char> field)
    {
        var name = field.Trim();
        if (name.StartsWith("$.", StringComparison.Ordinal))
        {
            name = name[2..];
        }
        else if (name.StartsWith('/'))
        {
            name = name[(name.LastIndexOf('/') + 1)..];
        }

        return name is "$" or "non_field_errors" or "__all__" or "base" ? default : name;
    }
}
