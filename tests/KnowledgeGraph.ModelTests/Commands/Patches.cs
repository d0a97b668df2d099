using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace KnowledgeGraph.ModelTests.Commands;

/// <summary>How update and import commands shape what they send.</summary>
public static class Patches
{
    /// <summary>Keeps only the named fields of <paramref name="message"/> (all when <paramref name="fields"/> is null) and its name: a partial body.</summary>
    public static T Only<T>(T message, Items<string>? fields) where T : IMessage
    {
        if (fields is null) return message;
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
            if (field.Name != "name" && !fields.Values.Contains(field.Name)) field.Accessor.Clear(message);
        return message;
    }

    public static FieldMask? Mask(Items<string>? paths) => paths is null ? null : new FieldMask { Paths = { paths.Values } };

    /// <summary>Import batches as the client stream the application reads.</summary>
    public static async IAsyncEnumerable<IList<T>> Stream<T>(IEnumerable<IList<T>> batches)
    {
        foreach (var batch in batches)
        {
            await Task.Yield();
            yield return batch;
        }
    }
}
