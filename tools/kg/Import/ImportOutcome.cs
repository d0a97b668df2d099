namespace KnowledgeGraph.Cli.Import;

/// <summary>A row the import did not write, with where it came from and why.</summary>
public sealed record RejectedRow(string File, int Line, string Kind, string Name, string Code, string Reason, string Message);

/// <summary>Counts for one kind of row (or for rows that could not be read at all).</summary>
public sealed record KindCounts(string Kind)
{
    public int Read { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }

    /// <summary>From the first row read to the last call's answer.</summary>
    public TimeSpan Elapsed { get; set; }

    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? Read / Elapsed.TotalSeconds : 0;
}

/// <summary>Everything <c>kg import</c> reports.</summary>
public sealed class ImportOutcome
{
    public KindCounts Entities { get; } = new("entities");
    public KindCounts Relationships { get; } = new("relationships");
    public KindCounts Unreadable { get; } = new("unreadable");
    public List<RejectedRow> Rejected { get; } = [];
    public string? ConsistencyToken { get; set; }

    public IEnumerable<KindCounts> All => [Entities, Relationships, Unreadable];
    public int TotalRead => All.Sum(k => k.Read);
    public int TotalRejected => All.Sum(k => k.Rejected);
    public int TotalChanged => All.Sum(k => k.Created + k.Updated);

    public KindCounts For(RowKind? kind) => kind switch
    {
        RowKind.Entity => Entities,
        RowKind.Relationship => Relationships,
        _ => Unreadable,
    };
}
