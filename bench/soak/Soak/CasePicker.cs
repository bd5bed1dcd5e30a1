namespace Bench.Soak;

/// <summary>Picks the next request's case at random, in proportion to the cases' weights.</summary>
internal sealed class CasePicker
{
    private readonly CaseTally[] _byTicket;

    public CasePicker(IEnumerable<CaseTally> tallies) =>
        _byTicket = tallies.SelectMany(t => Enumerable.Repeat(t, t.Case.Weight)).ToArray();

    public CaseTally Next() => _byTicket[Random.Shared.Next(_byTicket.Length)];
}
