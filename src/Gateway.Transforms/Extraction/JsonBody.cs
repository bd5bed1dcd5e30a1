using System.Text.Json;

namespace Gateway.Transforms.Extraction;

/// <summary>
/// A <see cref="Utf8JsonReader"/> over a whole body that can jump over the rest of a container whose tokens the caller
/// would only have validated (a validation list past its kept entries).
/// </summary>
/// <remarks>
/// The jump checks the skipped text with <see cref="JsonContainerEnd"/>, then starts a new reader at the closing
/// bracket with the old reader's state, as if the container's remaining entries had not been there: the reader then
/// reads the bracket after the last token it read. When the skipper does not vouch for the text the reader reads it
/// token by token, and no jump is tried again in this body (a second try would read the same text again).
/// </remarks>
internal ref struct JsonBody
{
    private readonly ReadOnlySpan<byte> _utf8;

    // Where the reader's span starts in the body.
    private int _origin;
    private bool _skipFailed;

    /// <param name="utf8">The body; valid UTF-8.</param>
    /// <param name="options">The reader's options.</param>
    /// <param name="jumps">Whether <see cref="SkipRest"/> may jump; without, the reader reads every token (the
    /// definition the jumps are tested against).</param>
    public JsonBody(ReadOnlySpan<byte> utf8, JsonReaderOptions options, bool jumps)
    {
        _utf8 = utf8;
        _skipFailed = !jumps;
        Reader = new Utf8JsonReader(utf8, options);
    }

    /// <summary>The reader; replaced by a jump.</summary>
    public Utf8JsonReader Reader;

    /// <summary>Leaves the reader just before the bracket that closes the container it stands in, when the rest of the
    /// container is well-formed JSON of the kind <see cref="JsonContainerEnd"/> vouches for; otherwise changes nothing.</summary>
    /// <param name="inObject">Whether the container is an object (else an array).</param>
    /// <remarks>Call it only where the reader's last token opened the container or ended one of its values.</remarks>
    public void SkipRest(bool inObject)
    {
        if (_skipFailed)
        {
            return;
        }

        var opened = Reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray;
        var open = Reader.CurrentDepth + (opened ? 1 : 0);
        var start = _origin + (int)Reader.BytesConsumed;

        // One container fewer than the reader allows: a margin, not a rule.
        var end = JsonContainerEnd.Find(_utf8[start..], inObject, afterValue: !opened, Reader.CurrentState.Options.MaxDepth - open - 1);
        if (end < 0)
        {
            _skipFailed = true;
            return;
        }

        _origin = start + end;
        Reader = new Utf8JsonReader(_utf8[_origin..], isFinalBlock: true, Reader.CurrentState);
    }
}
