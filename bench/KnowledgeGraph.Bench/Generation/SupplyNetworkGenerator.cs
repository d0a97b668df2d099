namespace KnowledgeGraph.Bench.Generation;

/// <summary>
/// Generates a supply network shaped like real ones (see <see cref="SupplyNetworkOptions"/>): entity
/// kinds and relationship types as data/ontology.json allows them, power-law degrees on both ends,
/// a share on every weighted dependency type, commodities on some supplies, and validity
/// intervals on about a quarter of the dated types (some already over, some not yet begun).
/// </summary>
public static class SupplyNetworkGenerator
{
    private const byte Country = 0, Company = 1, Project = 2, Commodity = 3;
    private const byte Supplies = 0, DependsOn = 1, Extracts = 2, Processes = 3, LocatedIn = 4, InvestsIn = 5, PurchasesFrom = 6, Operates = 7;

    /// <summary>How the relationships other than LOCATED_IN are shared among the types.</summary>
    private static readonly (byte Type, double Share)[] TypeMix =
    [
        (Supplies, 0.45), (DependsOn, 0.15), (Extracts, 0.05), (Processes, 0.05), (InvestsIn, 0.10), (PurchasesFrom, 0.15), (Operates, 0.05),
    ];

    private static readonly DateTimeOffset Epoch = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static GeneratedGraph Generate(SupplyNetworkOptions options)
    {
        if (options.Entities < 20) throw new ArgumentOutOfRangeException(nameof(options), "at least 20 entities");
        var random = new Random(options.Seed);

        var countries = Math.Clamp(options.Entities / 500, 8, 250);
        var commodities = Math.Clamp(options.Entities / 1000, 4, 100);
        var projects = options.Entities / 10;
        var companies = options.Entities - countries - commodities - projects;
        var counts = new[] { countries, companies, projects, commodities };
        var prefixes = new[] { "country-", "c", "p", "m" };
        var first = new int[4];
        for (var k = 1; k < 4; k++) first[k] = first[k - 1] + counts[k - 1];

        var ids = new string[options.Entities];
        var kinds = new byte[options.Entities];
        for (byte k = 0; k < 4; k++)
            for (var i = 0; i < counts[k]; i++)
            {
                ids[first[k] + i] = prefixes[k] + i;
                kinds[first[k] + i] = k;
            }

        var samplers = counts.Select(c => new PowerLawSampler(c, options.Exponent)).ToArray();
        int Draw(byte kind) => first[kind] + samplers[kind].Next(random);

        var n = options.Relationships;
        var sources = new int[n];
        var targets = new int[n];
        var types = new byte[n];
        var shares = new double[n];
        var commodityOf = new int[n];
        var validFrom = new DateTimeOffset?[n];
        var validTo = new DateTimeOffset?[n];
        var located = Math.Min(companies + projects, (int)(n * 0.3));

        for (var j = 0; j < n; j++)
        {
            var type = j < located ? LocatedIn : PickType(random);
            int source, target;
            do (source, target) = Endpoints(type, j, random, Draw, first);
            while (source == target);
            sources[j] = source;
            targets[j] = target;
            types[j] = type;
            shares[j] = ShareOf(type, random);
            commodityOf[j] = type is Supplies or DependsOn && random.NextDouble() < 0.3 ? Draw(Commodity) : -1;
            if (type is Supplies or DependsOn or PurchasesFrom && random.NextDouble() < 0.25)
                (validFrom[j], validTo[j]) = Interval(random);
        }
        return new GeneratedGraph(ids, kinds, sources, targets, types, shares, commodityOf, validFrom, validTo);
    }

    private static byte PickType(Random random)
    {
        var draw = random.NextDouble();
        foreach (var (type, share) in TypeMix)
            if ((draw -= share) < 0) return type;
        return TypeMix[^1].Type;
    }

    /// <summary>Endpoints of kinds the ontology allows for the type, the kind itself drawn by a fixed mix.</summary>
    private static (int Source, int Target) Endpoints(byte type, int index, Random random, Func<byte, int> draw, int[] first)
    {
        var p = random.NextDouble();
        return type switch
        {
            // Every company, then every project, is located in one country.
            LocatedIn => (first[Company] + index, draw(Country)),
            Supplies => (draw(p < 0.85 ? Company : p < 0.95 ? Project : Country), draw(random.NextDouble() < 0.95 ? Company : Country)),
            DependsOn => (draw(Company), draw(p < 0.7 ? Company : Commodity)),
            Extracts => (draw(p < 0.6 ? Project : p < 0.9 ? Company : Country), draw(Commodity)),
            Processes => (draw(p < 0.8 ? Company : Country), draw(Commodity)),
            InvestsIn => (draw(p < 0.8 ? Company : Country), draw(random.NextDouble() < 0.7 ? Company : Project)),
            PurchasesFrom => (draw(p < 0.9 ? Company : Country), draw(random.NextDouble() < 0.8 ? Company : Country)),
            Operates => (draw(Company), draw(Project)),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }

    /// <summary>
    /// A share in [0.01, 0.6] on the weighted dependency types (data/ontology.json requires it there,
    /// so no generated dependency has an unknown weight); NaN on the other types.
    /// </summary>
    private static double ShareOf(byte type, Random random) =>
        type is Supplies or DependsOn or Extracts or Processes ? Math.Round(0.01 + random.NextDouble() * 0.59, 3) : double.NaN;

    /// <summary>[from, to) within 2015–2045, 2 to 15 years long; a quarter open at the start, a quarter open at the end.</summary>
    private static (DateTimeOffset?, DateTimeOffset?) Interval(Random random)
    {
        var from = Epoch.AddYears(random.Next(0, 16)).AddMonths(random.Next(12));
        var to = from.AddYears(random.Next(2, 16));
        return random.Next(4) switch
        {
            0 => (null, to),
            1 => (from, null),
            _ => (from, to),
        };
    }
}
