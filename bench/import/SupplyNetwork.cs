using System.Globalization;

namespace KnowledgeGraph.ImportBench;

/// <summary>
/// A deterministic supply network shaped like real ones: companies in countries, relationships whose
/// endpoints are drawn with power-law (Zipf-like) weights, so a few hub companies and countries carry
/// thousands of relationships. Several types with shares; one in five has a validity interval.
/// Written as the CSV files <c>kg import</c> reads.
/// </summary>
public sealed class SupplyNetwork(int entities, int relationshipsPerEntity = 5, int seed = 20261202)
{
    private const int Countries = 200;

    public int EntityCount => entities;
    public int RelationshipCount => entities * relationshipsPerEntity;

    public static string EntityId(int i) => i < Countries ? $"country-{i:D3}" : $"company-{i:D8}";

    public void WriteEntities(string path)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("id,kind,display_name,aliases,sources.document");
        for (var i = 0; i < entities; i++)
            writer.WriteLine(i < Countries
                ? $"{EntityId(i)},Country,Country {i},C{i},bench"
                : $"{EntityId(i)},Company,Company {i} Holdings,Co{i}|CO-{i},bench");
    }

    public void WriteRelationships(string path)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path);
        writer.WriteLine("id,type,source,target,properties.share,properties.commodity,valid_from,valid_to,sources.document");
        for (var i = 0; i < RelationshipCount; i++)
        {
            var company = Countries + Hub(random, entities - Countries);
            var other = Countries + Hub(random, entities - Countries);
            if (other == company) other = Countries + (other + 1 - Countries) % (entities - Countries);
            var country = Hub(random, Countries);
            var share = (random.Next(1, 1000) / 1000.0).ToString(CultureInfo.InvariantCulture);
            var commodity = "";
            var validity = random.Next(5) == 0 ? $"{2020 + random.Next(6)}-01-01,{2028 + random.Next(6)}-01-01" : ",";
            var (type, source, target) = random.Next(10) switch
            {
                < 5 => ("SUPPLIES", other, company),
                < 8 => ("DEPENDS_ON", company, other),
                _ => ("IMPORTS_FROM", country, company),
            };
            // IMPORTS_FROM carries no share: its dependency weight is unknown.
            if (type == "IMPORTS_FROM") (share, commodity) = ("", "entities/lng");
            writer.WriteLine($"rel-{i:D9},{type},{EntityId(source)},{EntityId(target)},{share},{commodity},{validity},bench");
        }
    }

    /// <summary>An index in [0, n) with weight about 1/(index+1): a heavy head of hubs and a long tail.</summary>
    private static int Hub(Random random, int n) => Math.Min(n - 1, (int)Math.Floor(Math.Exp(random.NextDouble() * Math.Log(n + 1)) - 1));
}
