namespace Gateway.Transforms.Extraction;

/// <summary>What a JSON error body says: message candidates by field, and the fields a standard payload has.</summary>
internal sealed class JsonFacts
{
    // Made when the first unknown member holds a list: most bodies have none.
    private ErrorLine? _fieldErrors;

    public bool IsObject { get; set; }

    /// <summary><c>errors</c>, <c>modelState</c>, <c>violations</c> or an array <c>detail</c>, as one readable line.</summary>
    public string? Errors { get; set; }

    /// <summary><c>message</c>, <c>msg</c>, <c>errorMessage</c> … in any case.</summary>
    public string? Message { get; set; }

    /// <summary>The message inside an <c>error</c> object (OData, Google, Azure style).</summary>
    public string? ErrorObjectMessage { get; set; }

    public string? ErrorDescription { get; set; }

    /// <summary><c>error</c> as a string (OAuth code, Spring reason phrase).</summary>
    public string? ErrorString { get; set; }

    public string? Detail { get; set; }

    public string? Title { get; set; }

    /// <summary><c>description</c>, <c>reason</c>, <c>fault</c>: last resorts.</summary>
    public string? Other { get; set; }

    /// <summary>
    /// Unknown members whose values are lists of messages, as Django REST framework and Rails answer a failed
    /// validation (<c>{"last_name":["This field is required."]}</c>); the last resort.
    /// </summary>
    public ErrorLine FieldErrors => _fieldErrors ??= new();

    /// <summary>The exact <c>code</c> member, when it is an integer.</summary>
    public int? Code { get; set; }

    /// <summary>The exact <c>status</c> member, when it is an integer.</summary>
    public int? Status { get; set; }

    public bool HasStringType { get; set; }

    /// <summary>The exact string <c>type</c> member when short enough to be a reason phrase (Ed-Fi's "Not Found"); empty
    /// for a longer one (a problem type URI), which no reason phrase equals.</summary>
    public string? Type { get; set; }

    public bool HasStringMessage { get; set; }

    public bool HasStringTitle { get; set; }

    /// <summary>The number of candidates <see cref="Candidate"/> knows.</summary>
    public const int CandidateCount = 9;

    /// <summary>The candidates in the order a reader would look for the message, by index (no enumerator to allocate).</summary>
    /// <remarks>The field errors are read last: reading them ends their line.</remarks>
    public string? Candidate(int index) => index switch
    {
        0 => Errors,
        1 => Message,
        2 => ErrorObjectMessage,
        3 => ErrorDescription,
        4 => ErrorString,
        5 => Detail,
        6 => Title,
        7 => Other,
        _ => _fieldErrors?.Result,
    };
}
