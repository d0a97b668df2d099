using Google.Protobuf;
using KnowledgeGraph.FunctionalTests.Seed;
using KnowledgeGraph.V1;
using static KnowledgeGraph.FunctionalTests.Article.JapanGasQuestion;

namespace KnowledgeGraph.FunctionalTests.Article;

/// <summary>
/// Dependency questions asked all at once get the answers they get one at a time: the searches'
/// working storage (routes, steps, marks) comes from pools, and one handed to a second question while
/// the first still reads it would show here as a wrong or mixed answer.
/// </summary>
[Collection(SeedGraphCollection.Name)]
public sealed class ConcurrentQuestionsTests(SeedGraphFixture seed)
{
    private const int Rounds = 40;

    [Fact]
    public async Task Traces_what_ifs_and_chokepoints_asked_together_answer_as_they_do_alone()
    {
        var queries = seed.Services.Queries;
        Func<Task<IMessage>>[] questions =
        [
            async () => await queries.TraceDependenciesAsync(Trace(), seed.AfterImport),
            async () => await queries.TraceDependenciesAsync(Trace("entities/russia"), seed.AfterImport),
            async () => await queries.TraceDependenciesAsync(new TraceDependenciesRequest { Root = "entities/russia", Direction = TraceDirection.Downstream, AsOf = AsOf }, seed.AfterImport),
            async () => await queries.TraceDependenciesAsync(new TraceDependenciesRequest { Root = "entities/jera", Direction = TraceDirection.Upstream, AsOf = AsOf }, seed.AfterImport),
            async () => await queries.FindChokepointsAsync(Chokepoints(), seed.AfterImport),
        ];
        var alone = new List<IMessage>();
        foreach (var question in questions) alone.Add(await question());

        var together = await Task.WhenAll(Enumerable.Range(0, Rounds * questions.Length).Select(i => Task.Run(() => questions[i % questions.Length]())));

        for (var i = 0; i < together.Length; i++) Assert.Equal(alone[i % questions.Length], together[i]);
    }
}
