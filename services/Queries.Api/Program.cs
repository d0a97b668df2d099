using KnowledgeGraph.Grpc.Hosting;
using Queries.Api.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddKnowledgeGraphService();
builder.Services.AddKnowledgeGraphQueries(builder.Configuration);

var app = builder.Build();
app.MapKnowledgeGraphService<QueryGrpcService>();
app.Run();
