namespace Cutover.Core.Logs.MetricFilters;

/// <summary>
/// A CloudWatch metric filter pattern, the subset Cutover evaluates locally: term patterns (<c>ERROR</c>,
/// <c>"checkout failed"</c>, <c>?ERROR ?WARN</c>, <c>-healthcheck</c>) matched case-sensitively against the line as
/// written, and JSON selectors (<c>{ $.level = "Error" &amp;&amp; $.StatusCode &gt;= 500 }</c>). An empty pattern matches
/// every line. docs/logs.md lists what is left out.
/// </summary>
public sealed class MetricFilterPattern
{
    private readonly IReadOnlyList<MetricFilterTerm> _terms;
    private readonly JsonSelector? _selector;

    internal MetricFilterPattern(string text, IReadOnlyList<MetricFilterTerm> terms, JsonSelector? selector)
    {
        Text = text;
        _terms = terms;
        _selector = selector;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>True for a JSON selector, which needs the line parsed as JSON.</summary>
    public bool IsJsonSelector => _selector is not null;

    /// <summary>Parses <paramref name="text"/>; a malformed pattern gives the position and a fix.</summary>
    public static MetricFilterPatternParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return MetricFilterPatternParser.Parse(text);
    }

    public bool Matches(MetricFilterSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (_selector is not null)
        {
            return _selector.Matches(subject);
        }

        var anyOptional = false;
        var optionalFound = false;
        foreach (var term in _terms)
        {
            var found = subject.Contains(term.Utf8);
            switch (term.Kind)
            {
                case MetricFilterTermKind.Required when !found:
                case MetricFilterTermKind.Excluded when found:
                    return false;
                case MetricFilterTermKind.Optional:
                    anyOptional = true;
                    optionalFound |= found;
                    break;
            }
        }

        return !anyOptional || optionalFound;
    }

    public override string ToString() => Text;
}
