using System.Text;

namespace Gateway.Transforms.Extraction;

/// <summary>Builds "field: message; field: message" from validation entries, keeping the first few.</summary>
internal sealed class ErrorLine
{
    private const int MaxItems = 10;
    private const string Separator = "; ";

    private readonly StringBuilder _line = new();
    private int _items;

    /// <summary>The line, or <see langword="null"/> when no entry had a message.</summary>
    public string? Result => _line.Length == 0 ? null : _line.ToString();

    /// <summary>Whether the line holds its maximum of entries: <see cref="Add"/> ignores any more.</summary>
    public bool IsFull => _items >= MaxItems;

    public void Add(string? field, string? message)
    {
        message = message?.Trim();
        if (string.IsNullOrEmpty(message) || _items >= MaxItems)
        {
            return;
        }

        _items++;
        if (_line.Length > 0)
        {
            _line.Append(Separator);
        }

        field = FieldName(field);
        if (field is not null)
        {
            _line.Append(field).Append(": ");
        }

        _line.Append(message);
    }

    // System.Text.Json paths ("$.grade") become the member name; the root and the frameworks' "whole object" keys
    // (ASP.NET "" and "$", Django "non_field_errors" and "__all__", Rails "base") are no field at all.
    private static string? FieldName(string? field)
    {
        field = field?.Trim();
        if (field is not null && field.StartsWith("$.", StringComparison.Ordinal))
        {
            field = field[2..];
        }

        return string.IsNullOrEmpty(field) || field is "$" or "non_field_errors" or "__all__" or "base" ? null : field;
    }
}
