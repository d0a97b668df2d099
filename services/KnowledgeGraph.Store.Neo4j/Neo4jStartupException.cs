namespace KnowledgeGraph.Store.Neo4j;

/// <summary>
/// The store cannot start: Neo4j is unreachable, refuses the credentials, or serves no Query API.
/// The message says which and what to check; it carries no inner exception, so a host logs one line.
/// </summary>
public sealed class Neo4jStartupException(string message) : Exception(message);
