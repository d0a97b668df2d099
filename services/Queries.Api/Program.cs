using KnowledgeGraph.Grpc.Hosting;
using Queries.Api.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddKnowledgeGraphService();
builder.Services.Configure<QueryOptions>(builder.Configuration.GetSection(QueryOptions.Section));

var app = builder.Build();
app.MapKnowledgeGraphService<QueryGrpcService>();
app.Run();
