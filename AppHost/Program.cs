using KnowledgeGraph.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

var store = builder.AddGraphStoreSettings();
var tokens = builder.AddDevelopmentTokens();

var entities = builder.AddProject<Projects.Entities_Api>("entities")
    .WithKnowledgeGraphService(store, tokens, httpPort: 5100, grpcPort: 5101);

var relationships = builder.AddProject<Projects.Relationships_Api>("relationships")
    .WithKnowledgeGraphService(store, tokens, httpPort: 5200, grpcPort: 5201)
    .WaitFor(entities);

var seed = builder.AddProject<Projects.kg>("seed")
    .WithSeedImport(entities, relationships)
    .WithDevelopmentToken(tokens, DevelopmentTokens.SeedScopes)
    .WaitFor(entities)
    .WaitFor(relationships);

var queries = builder.AddProject<Projects.Queries_Api>("queries")
    .WithKnowledgeGraphService(store, tokens, httpPort: 5300, grpcPort: 5301)
    .WaitForCompletion(seed);

builder.AddProject<Projects.Explorer>("explorer")
    .WithGraphExplorer(tokens, entities, relationships, queries)
    .WaitFor(queries);

foreach (var service in new[] { entities, relationships, queries })
    service.WithReseedCommand(seed).WithTokenCommand(tokens);

builder.Build().Run();
