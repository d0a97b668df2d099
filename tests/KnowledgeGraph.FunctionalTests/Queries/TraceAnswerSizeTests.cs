using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.Protocol;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.FunctionalTests.Queries;

/// <summary>
/// A trace whose listed routes would not fit one message: every relationship carries the most
/// evidence a relationship may hold (32 sources with long quotes, about 130 KB), and a hub fans out
/// to more suppliers than fit. The answer is still OK, under the message limit, cut and saying so.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class TraceAnswerSizeTests(SharedServices shared)
{
    private const int Suppliers = 120;

    [Fact]
    public async Task A_trace_whose_routes_would_pass_the_message_limit_answers_ok_cut_to_fit_and_says_max_results()
    {
        var g = new QueryGraph(shared.Services);
        await g.AddAsync("Company", "root", "hub");
        await LinkAsync(shared.Services, g, "root-hub", "root", "hub", 0.9);
        for (var i = 0; i < Suppliers; i++)
        {
            await g.AddAsync("Company", $"s{i:000}");
            await LinkAsync(shared.Services, g, $"hub-s{i:000}", "hub", $"s{i:000}", 0.5);
        }

        // Each supplier's route holds two relationships of about 130 KB: 100 dependencies would need 26 MB.
        var response = await g.Queries.TraceDependenciesAsync(new TraceDependenciesRequest { Root = g.Entity("root"), Direction = TraceDirection.Upstream });

        Assert.True(response.CalculateSize() < Limits.MaxMessageBytes, $"answer of {response.CalculateSize():N0} bytes");
        Assert.True(response.Truncated);
        Assert.Contains(Bound.MaxResults, response.BoundsHit);
        Assert.Equal(Suppliers + 1, response.Reached);
        Assert.InRange(response.Dependencies.Count, 2, Limits.DefaultTraceResults - 1);
        Assert.Equal(g.Entity("hub"), response.Dependencies[0].Entity.Name);
        Assert.Equal(0.9, response.Dependencies[0].ExposureLower, 12);
        Assert.All(response.Dependencies.Skip(1), d => Assert.Equal(0.45, d.ExposureLower, 12));
        // The evidence is whole on every listed hop: the cut drops dependencies, never part of one.
        Assert.All(response.Dependencies.SelectMany(d => d.Routes).SelectMany(r => r.Path.Hops), h => Assert.Equal(Limits.MaxSources, h.Relationship.Sources.Count));
    }

    private static async Task LinkAsync(KnowledgeGraphServices services, QueryGraph g, string id, string source, string target, double share)
    {
        var relationship = TestGraph.Relationship("DEPENDS_ON", g.Entity(source), g.Entity(target), share);
        for (var i = 0; i < Limits.MaxSources; i++)
            relationship.Sources.Add(new Source { Document = $"https://example.org/{id}/{i}", Quote = new string('q', Limits.MaxQuoteLength - 16) + $" {i:000}", ReportedBy = "size test", Confidence = 0.5 });
        await services.Relationships.CreateRelationshipAsync(new CreateRelationshipRequest { RelationshipId = $"{g.Tag}-{id}", Relationship = relationship });
    }
}
