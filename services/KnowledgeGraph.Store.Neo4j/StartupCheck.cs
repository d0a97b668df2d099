using KnowledgeGraph.Store.Neo4j.Cypher;
using KnowledgeGraph.Store.Neo4j.Http;

namespace KnowledgeGraph.Store.Neo4j;

/// <summary>
/// What <see cref="IGraphStore.InitializeAsync"/> checks before it touches the schema: Neo4j answers a
/// trivial read, accepts the credentials, has the database, and serves explicit transactions
/// (<c>POST /db/{db}/query/v2/tx</c>, new in Neo4j 5.26), which the unit of work needs. Each failure is
/// one <see cref="Neo4jStartupException"/> line that says what to check.
/// </summary>
internal sealed class StartupCheck(QueryApiTransport transport)
{
    private string Where => $"{transport.Options.Location} (ConnectionStrings:neo4j)";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await Explain(() => transport.ReadAsync(ServiceStatements.Ping.Bind(), [], cancellationToken), transport.QueryPath);
        await Explain(async () =>
        {
            var probe = await transport.BeginAsync([], cancellationToken);
            await probe.DisposeAsync();
        }, transport.QueryPath + "/tx");
    }

    private async Task Explain(Func<Task> step, string path)
    {
        try
        {
            await step();
        }
        catch (HttpRequestException e)
        {
            throw new Neo4jStartupException($"Cannot reach Neo4j at {Where}: {e.Message}. Check the Endpoint host and port (HTTP 7474, HTTPS 7473) and that the server is running.");
        }
        catch (TimeoutException e)
        {
            throw new Neo4jStartupException($"Neo4j at {Where} did not answer: {e.Message} Check the Endpoint, firewalls, and the Timeout setting.");
        }
        catch (Neo4jServerException e) when (e.HttpStatus is 401 or 403 || e.Code.StartsWith("Neo.ClientError.Security.", StringComparison.Ordinal))
        {
            throw new Neo4jStartupException($"Neo4j at {Where} refused the credentials ({Neo4jErrors.Describe(e)}). Check Username and Password (or Token) in ConnectionStrings:neo4j.");
        }
        catch (Neo4jServerException e) when (e.Code == Neo4jErrors.DatabaseNotFound)
        {
            throw new Neo4jStartupException($"Neo4j at {Where} has no database '{transport.Options.Database}' ({e.ServerMessage}). Create it, or set Database= in ConnectionStrings:neo4j.");
        }
        catch (Neo4jServerException e) when (e.Code.Length == 0 && path.EndsWith("/tx", StringComparison.Ordinal))
        {
            throw new Neo4jStartupException($"Neo4j at {Where} serves no explicit transactions at {path} ({Neo4jErrors.Describe(e)}). The store needs Neo4j 5.26 or later (or 2025.x, or Aura).");
        }
        catch (Neo4jServerException e) when (e.Code.Length == 0 && e.HttpStatus == 404)
        {
            throw new Neo4jStartupException($"Neo4j at {Where} serves no Query API at {path} (HTTP 404). The store needs Neo4j 5.26 or later, where the Query API is on by default; check that the Endpoint is the HTTP(S) port, not Bolt.");
        }
        catch (Neo4jServerException e)
        {
            throw new Neo4jStartupException($"Neo4j at {Where} failed the start-up check at {path} ({Neo4jErrors.Describe(e)}).");
        }
    }
}
