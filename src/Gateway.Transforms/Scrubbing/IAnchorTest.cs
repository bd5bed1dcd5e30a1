namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// A second test of a position that passes <see cref="AnchorFilter"/>'s own, run inside its walk (a struct, so the walk
/// is compiled for it): a position this test refutes costs no return from the walk and no re-entry into its block.
/// </summary>
/// <remarks>On a page dense with markers whose rules are done (a yellow screen's frames, paths and type names after their
/// kinds are found), nearly every anchor is refuted here by its owners' tags.</remarks>
internal interface IAnchorTest
{
    /// <summary>Whether the walk stops at a position that passed the filter.</summary>
    /// <param name="window">The four characters there, not folded (the first in the lowest byte; spaces past the end).</param>
    /// <param name="quad">Whether the quad tables hit there; if not, only the pair table did.</param>
    bool Accepts(uint window, bool quad);
}
