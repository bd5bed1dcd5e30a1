namespace Gateway.Transforms.Rules;

/// <summary>
/// A per-route rule on a JSON response body: when the value at <see cref="Path"/> equals <see cref="EqualsValue"/>
/// (or exists, or is absent), the response becomes <see cref="Status"/> with a message taken from the body.
/// </summary>
/// <param name="WhenStatus">Upstream statuses the rule looks at; typically <c>[200]</c> for "200 with an error inside".</param>
/// <param name="Path">RFC 6901 pointer into the body, e.g. <c>/success</c>.</param>
/// <param name="EqualsValue">The value to match, compared with the JSON value's text (<c>false</c>, <c>0</c>, <c>Not found</c>); null to test existence.</param>
/// <param name="Exists">With no <see cref="EqualsValue"/>: true matches when the pointer resolves, false when it does not.</param>
/// <param name="Status">The status to answer with.</param>
/// <param name="MessagePath">Where the client message comes from, e.g. <c>/error</c>; null for the status's generic message.</param>
public sealed record ResponseRule(IReadOnlyList<int> WhenStatus, string Path, string? EqualsValue, bool Exists, int Status, string? MessagePath);
