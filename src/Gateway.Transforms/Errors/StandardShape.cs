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

        // The contract: the profile's content type, code/status equal to the status, type (Ed-Fi) the reason phrase. An
        // RFC 9457 title may name the problem instead ("One or more validation errors occurred."), but not another status.
        return profile.Kind == ErrorProfileKind.ProblemDetails
            ? media.IsProblemJson && json.Status == status && json.HasStringTitle && !StatusDefaults.IsTitleOfAnother(json.Title, status)
            : media.IsApplicationJson && json.Code == status && json.HasStringMessage
                && string.Equals(json.Type, StatusDefaults.Title(status), StringComparison.OrdinalIgnoreCase);
    }
}
