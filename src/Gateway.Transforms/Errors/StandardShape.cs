using Gateway.Transforms.Extraction;

namespace Gateway.Transforms.Errors;

/// <summary>Whether an upstream body already is the profile's standard error payload for its status.</summary>
internal static class StandardShape
{
    public static bool Matches(ErrorProfile profile, MediaType media, JsonFacts? json, int status)
    {
        if (json is not { IsObject: true })
        {
            return false;
        }

        return profile.Kind == ErrorProfileKind.ProblemDetails
            ? (media.IsProblemJson || media.IsApplicationJson) && json.Status == status && json.HasStringTitle
            : media.IsJson && json.Code == status && json.HasStringType && json.HasStringMessage;
    }
}
