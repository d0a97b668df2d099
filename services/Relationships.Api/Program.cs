using KnowledgeGraph.Grpc.Hosting;
using Relationships.Api.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddKnowledgeGraphService();

var app = builder.Build();
app.MapKnowledgeGraphService<RelationshipGrpcService>();
app.Run();
