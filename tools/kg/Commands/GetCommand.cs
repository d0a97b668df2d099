using System.CommandLine;
using KnowledgeGraph.Cli.Output;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg get NAME</c>: one entity (or <c>relationships/{id}</c>) with its properties and sources.</summary>
public static class GetCommand
{
    public static Command Create(GlobalOptions options, KgHost host)
    {
        var name = new Argument<string>("name") { Description = "entities/{id}, relationships/{id}, or a bare entity id" };
        var command = new Command("get", "Show one entity or relationship, with its properties and sources") { name };
        command.SetBody(options, host, async (parse, context, cancellation) =>
        {
            var resource = Names.Entity(parse.GetRequiredValue(name));
            if (Names.IsRelationship(resource))
            {
                var relationship = await context.Clients.Relationships.GetRelationshipAsync(new GetRelationshipRequest { Name = resource }, context.Read(cancellation));
                if (context.Json) ProtoJson.Write(context.Out, relationship);
                else context.Console.Write(ResourceViews.Relationship(relationship));
            }
            else
            {
                var entity = await context.Clients.Entities.GetEntityAsync(new GetEntityRequest { Name = resource }, context.Read(cancellation));
                if (context.Json) ProtoJson.Write(context.Out, entity);
                else context.Console.Write(ResourceViews.Entity(entity));
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
