using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Domain.Errors;

namespace KnowledgeGraph.Application.Writes;

/// <summary>
/// Applies an update mask (AIP-134, AIP-161): copies the masked fields of the request's resource onto
/// the stored one. Without a mask (or with an empty one) the mask is implied: every field the client
/// may set that the request populates, so a partial body changes only what it carries. <c>*</c>
/// replaces every field the client may set (an unset field is cleared). A map entry can be addressed
/// as <c>map_field.key</c> (set when the request has the key, removed when it has not).
/// </summary>
public sealed class FieldMaskMerger<T>(IReadOnlyCollection<string> updatableFields, string resourceField) where T : IMessage<T>
{
    private const string FullReplacement = "*";
    private readonly MessageDescriptor _descriptor = (MessageDescriptor)typeof(T).GetProperty("Descriptor")!.GetValue(null)!;

    /// <summary>INVALID_ARGUMENT (INVALID_FIELD_MASK) when a path names no field the client may set.</summary>
    public void Check(FieldMask? mask)
    {
        if (mask is null || mask.Paths is [FullReplacement]) return;
        foreach (var path in mask.Paths) Resolve(path);
    }

    public T Apply(T stored, T request, FieldMask? mask)
    {
        var merged = stored.Clone();
        foreach (var path in Paths(request, mask))
        {
            var (field, key) = Resolve(path);
            if (key is null) CopyField(field, request, merged);
            else CopyMapEntry(field, key, request, merged);
        }
        return merged;
    }

    private IEnumerable<string> Paths(T request, FieldMask? mask)
    {
        if (mask is null || mask.Paths.Count == 0)
            return updatableFields.Where(name => IsPopulated(_descriptor.FindFieldByName(name), request));
        return mask.Paths is [FullReplacement] ? updatableFields : mask.Paths;
    }

    private (FieldDescriptor Field, string? Key) Resolve(string path)
    {
        if (path == FullReplacement) throw Invalid("'*' replaces every field and cannot be combined with other paths");
        var dot = path.IndexOf('.');
        var fieldName = dot < 0 ? path : path[..dot];
        if (!updatableFields.Contains(fieldName))
            throw Invalid($"'{path}' is not a field the client may update; updatable: {string.Join(", ", updatableFields)}");
        var field = _descriptor.FindFieldByName(fieldName);
        if (dot < 0) return (field, null);
        if (!field.IsMap || dot == path.Length - 1) throw Invalid($"'{path}': only map fields can be addressed by key, as field.key");
        return (field, path[(dot + 1)..]);
    }

    private static bool IsPopulated(FieldDescriptor field, T message)
    {
        var value = field.Accessor.GetValue(message);
        if (field.IsMap) return ((IDictionary)value).Count > 0;
        if (field.IsRepeated) return ((IList)value).Count > 0;
        if (field.HasPresence) return field.Accessor.HasValue(message);
        return value switch
        {
            string text => text.Length > 0,
            ByteString bytes => !bytes.IsEmpty,
            bool flag => flag,
            System.Enum choice => Convert.ToInt32(choice, System.Globalization.CultureInfo.InvariantCulture) != 0,
            IConvertible number => Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture) != 0,
            _ => value is not null,
        };
    }

    private static void CopyField(FieldDescriptor field, T from, T to)
    {
        if (field.IsMap)
        {
            var map = (IDictionary)field.Accessor.GetValue(to);
            map.Clear();
            foreach (DictionaryEntry entry in (IDictionary)field.Accessor.GetValue(from)) map[entry.Key] = entry.Value;
        }
        else if (field.IsRepeated)
        {
            var list = (IList)field.Accessor.GetValue(to);
            list.Clear();
            foreach (var item in (IList)field.Accessor.GetValue(from)) list.Add(item);
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
