namespace Cutover.Core.Logs.Queries;

/// <summary>
/// One side of a comparison: a name as written (<see cref="LogNameOperand"/>, before planning), a stored field
/// (<see cref="LogFieldOperand"/>), an output column after <c>stats</c> (<see cref="LogColumnOperand"/>), or a literal.
/// </summary>
public abstract record LogOperand
{
    // Closed hierarchy: the kinds in this folder are all there is, so the SQL compiler can switch over them.
    private protected LogOperand()
    {
    }
}
