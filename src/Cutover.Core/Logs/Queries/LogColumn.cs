namespace Cutover.Core.Logs.Queries;

/// <summary>An output column of a query, by the name results show it under.</summary>
public abstract record LogColumn
{
    // Closed hierarchy: a field, a time bin or an aggregate.
    private protected LogColumn(string name) => Name = name;

    public string Name { get; }
}
