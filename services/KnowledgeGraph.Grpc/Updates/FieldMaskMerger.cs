using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Domain.Errors;

namespace KnowledgeGraph.Grpc.Updates;

/// <summary>
/// Applies an AIP-161 update mask: copies the masked fields of the request's resource onto the
/// stored one. An empty mask or <c>*</c> means every updatable field; a map entry can be addressed
/// as <c>map_field.key</c> (set when present in the request, removed when absent).
/// </summary>
public sealed class FieldMaskMerger<T>(IReadOnlyCollection<string> updatableFields, string resourceField) where T : IMessage<T>
{
    private readonly MessageDescriptor _descriptor = (MessageDescriptor)typeof(T).GetProperty("Descriptor")!.GetValue(null)!;

    public T Apply(T stored, T request, FieldMask? mask)
    {
        var merged = stored.Clone();
        var paths = mask is null || mask.Paths.Count == 0 || mask.Paths is ["*"] ? updatableFields : mask.Paths;
        foreach (var path in paths)
        {
            var dot = path.IndexOf('.');
            var fieldName = dot < 0 ? path : path[..dot];
            if (!updatableFields.Contains(fieldName))
                throw Invalid($"'{path}' is not an updatable field; updatable: {string.Join(", ", updatableFields)}");
            var field = _descriptor.FindFieldByName(fieldName)!;
            if (dot < 0) CopyField(field, request, merged);
            else if (field.IsMap) CopyMapEntry(field, path[(dot + 1)..], request, merged);
            else throw Invalid($"'{path}': only map fields can be addressed by key");
        }
        return merged;
    }

    private static void CopyField(FieldDescriptor field, T from, T to)
    {
        if (field.IsRepeated)
        {
            var target = (IList)field.Accessor.GetValue(to);
            if (field.IsMap)
            {
                var map = (IDictionary)field.Accessor.GetValue(to);
                map.Clear();
                foreach (DictionaryEntry entry in (IDictionary)field.Accessor.GetValue(from)) map[entry.Key] = entry.Value;
                return;
            }
            target.Clear();
            foreach (var item in (IList)field.Accessor.GetValue(from)) target.Add(item);
        }
        else if (field.HasPresence && !field.Accessor.HasValue(from)) field.Accessor.Clear(to);
        else field.Accessor.SetValue(to, field.Accessor.GetValue(from));
    }

    private static void CopyMapEntry(FieldDescriptor field, string key, T from, T to)
    {
        var source = (IDictionary)field.Accessor.GetValue(from);
        var target = (IDictionary)field.Accessor.GetValue(to);
        if (source.Contains(key)) target[key] = source[key];
        else target.Remove(key);
    }

    private GraphException Invalid(string description) =>
        GraphException.InvalidArgument(ErrorReasons.InvalidFieldMask, "update_mask", description + $" (fields of {resourceField})");
}
