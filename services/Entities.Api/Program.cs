using Entities.Api.Grpc;
using KnowledgeGraph.Grpc.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddKnowledgeGraphService();

var app = builder.Build();
app.MapKnowledgeGraphService<EntityGrpcService>();
app.Run();
