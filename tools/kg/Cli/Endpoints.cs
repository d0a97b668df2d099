namespace KnowledgeGraph.Cli;

/// <summary>Where the three services listen: options, else environment variables, else the AppHost's fixed ports.</summary>
public sealed record Endpoints(Uri Entities, Uri Relationships, Uri Queries)
{
    public const string EntitiesVariable = "KG_ENTITIES_URL";
    public const string RelationshipsVariable = "KG_RELATIONSHIPS_URL";
    public const string QueriesVariable = "KG_QUERIES_URL";
    public const string DefaultEntities = "http://localhost:5101";
    public const string DefaultRelationships = "http://localhost:5201";
    public const string DefaultQueries = "http://localhost:5301";

    public static Endpoints Resolve(string? entities, string? relationships, string? queries, Func<string, string?> environment) => new(
        ToUri(entities ?? environment(EntitiesVariable) ?? DefaultEntities, "--entities-url"),
        ToUri(relationships ?? environment(RelationshipsVariable) ?? DefaultRelationships, "--relationships-url"),
        ToUri(queries ?? environment(QueriesVariable) ?? DefaultQueries, "--queries-url"));

    private static Uri ToUri(string text, string option)
    {
        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            return uri;
        throw new UsageException($"{option}: '{text}' is not an http:// or https:// URL");
    }
}
