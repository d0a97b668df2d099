using System.CommandLine;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>What <c>kg trace</c> and <c>kg chokepoints</c> both ask: an entity, a direction, a commodity, a depth and a date.</summary>
public sealed class DependencyOptions
{
    private readonly Argument<string> _entity;
    private readonly Option<bool> _upstream;
    private readonly Option<bool> _downstream;
    private readonly Option<string?> _commodity = new("--commodity") { Description = "Only relationships about this commodity (or about none), e.g. natural-gas" };
    private readonly Option<int> _maxDepth = new("--max-depth") { Description = "Longest route in hops, 1..10 (server default 6)" };
    private readonly Option<string?> _asOf = new("--as-of") { Description = "Only relationships valid at this date (YYYY-MM-DD or ISO 8601); default now" };

    public DependencyOptions(string entity, string upstream, string downstream)
    {
        _entity = new Argument<string>("entity") { Description = entity };
        _upstream = new Option<bool>("--upstream") { Description = upstream };
        _downstream = new Option<bool>("--downstream") { Description = downstream };
    }

    /// <summary>Adds the argument and options to <paramref name="command"/>, with the check that exactly one direction is given.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _upstream, _downstream, _commodity, _maxDepth, _asOf }) command.Options.Add(option);
        command.Arguments.Add(_entity);
        command.Validators.Add(result =>
        {
            if (result.GetValue(_upstream) == result.GetValue(_downstream))
                result.AddError("Give exactly one of --upstream or --downstream.");
        });
    }

    public string Root(ParseResult parse) => Names.Entity(parse.GetRequiredValue(_entity));

    public TraceDirection Direction(ParseResult parse) => parse.GetValue(_upstream) ? TraceDirection.Upstream : TraceDirection.Downstream;

    public string Commodity(ParseResult parse) => parse.GetValue(_commodity) is { Length: > 0 } commodity ? Names.Entity(commodity) : "";

    public int MaxDepth(ParseResult parse) => parse.GetValue(_maxDepth);

    public Google.Protobuf.WellKnownTypes.Timestamp? AsOf(ParseResult parse) => Dates.ParseOptional(parse.GetValue(_asOf), "--as-of");
}
