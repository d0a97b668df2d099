using Explorer.Api;
using Explorer.Graph;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGraphClients();

var app = builder.Build();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapExplorerApi();
app.MapDefaultEndpoints();
app.Run();
