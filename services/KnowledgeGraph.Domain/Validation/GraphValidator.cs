using Google.Protobuf.Collections;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Protocol;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Validation;

/// <summary>
/// Checks entities and relationships against the ontology and the model's rules. Checks that need
/// the stored graph (endpoints exist and have the right kinds) are made by the application core
/// inside the write's unit of work, with <see cref="EndpointKindViolation"/>.
/// </summary>
public sealed class GraphValidator(GraphOntology ontology)
{
    public GraphOntology Ontology { get; } = ontology;

    /// <summary>Violations of a full entity. <paramref name="field"/> prefixes the field paths.</summary>
    public List<FieldViolation> Validate(Entity entity, string field = "entity")
    {
        var violations = new List<FieldViolation>();
        if (!ResourceNames.IsEntityName(entity.Name))
            violations.Add(new($"{field}.name", $"must be entities/{{id}} with an id matching {ResourceNames.IdPattern}", ErrorReasons.InvalidName));

        var kind = Ontology.FindKind(entity.Kind);
        if (string.IsNullOrEmpty(entity.Kind))
            violations.Add(new($"{field}.kind", "is required", ErrorReasons.MissingField));
        else if (kind is null)
            violations.Add(new($"{field}.kind", $"unknown kind '{entity.Kind}'; known kinds: {string.Join(", ", Ontology.KindNames)}", ErrorReasons.UnknownKind));

        if (string.IsNullOrWhiteSpace(entity.DisplayName))
            violations.Add(new($"{field}.display_name", "is required", ErrorReasons.MissingField));
        CheckLength(violations, $"{field}.display_name", entity.DisplayName, Limits.MaxDisplayNameLength);
        CheckLength(violations, $"{field}.description", entity.Description, Limits.MaxDescriptionLength);

        if (entity.Aliases.Count > Limits.MaxAliases)
            violations.Add(new($"{field}.aliases", $"at most {Limits.MaxAliases} aliases", ErrorReasons.FieldTooLong));
        for (var i = 0; i < entity.Aliases.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(entity.Aliases[i]))
                violations.Add(new($"{field}.aliases[{i}]", "must not be empty", ErrorReasons.MissingField));
            CheckLength(violations, $"{field}.aliases[{i}]", entity.Aliases[i], Limits.MaxAliasLength);
        }

        if (kind is not null)
        {
            CheckProperties(violations, $"{field}.properties", entity.Properties, kind.Properties, $"kind {kind.Name}");
            foreach (var (scheme, value) in entity.ExternalIds)
            {
                if (!kind.ExternalIdSchemes.Contains(scheme))
                    violations.Add(new($"{field}.external_ids[{scheme}]", $"kind {kind.Name} takes external ids of schemes: {string.Join(", ", kind.ExternalIdSchemes)}", ErrorReasons.InvalidExternalId));
                else if (value.Length > Limits.MaxExternalIdLength)
                    violations.Add(new($"{field}.external_ids[{scheme}]", $"at most {Limits.MaxExternalIdLength} characters", ErrorReasons.FieldTooLong));
                else if (ExternalIdSchemes.Check(scheme, value) is { } problem)
                    violations.Add(new($"{field}.external_ids[{scheme}]", problem, ErrorReasons.InvalidExternalId));
            }
        }

        CheckSources(violations, $"{field}.sources", entity.Sources);
        return violations;
    }

    /// <summary>Violations of a full relationship (endpoint existence and kinds need the stored graph: <see cref="EndpointKindViolation"/>).</summary>
    public List<FieldViolation> Validate(Relationship relationship, string field = "relationship")
    {
        var violations = new List<FieldViolation>();
        if (!ResourceNames.IsRelationshipName(relationship.Name))
            violations.Add(new($"{field}.name", $"must be relationships/{{id}} with an id matching {ResourceNames.IdPattern}", ErrorReasons.InvalidName));

        var type = Ontology.FindType(relationship.Type);
        if (string.IsNullOrEmpty(relationship.Type))
            violations.Add(new($"{field}.type", "is required", ErrorReasons.MissingField));
        else if (type is null)
            violations.Add(new($"{field}.type", $"unknown relationship type '{relationship.Type}'; known types: {string.Join(", ", Ontology.TypeNames)}", ErrorReasons.UnknownRelationshipType));

        if (!ResourceNames.IsEntityName(relationship.Source))
            violations.Add(new($"{field}.source", "must be an entity name, entities/{id}", ErrorReasons.InvalidName));
        if (!ResourceNames.IsEntityName(relationship.Target))
            violations.Add(new($"{field}.target", "must be an entity name, entities/{id}", ErrorReasons.InvalidName));

        if (type is not null)
            CheckProperties(violations, $"{field}.properties", relationship.Properties, type.Properties, $"type {type.Name}");

        var validFrom = CheckInstant(violations, $"{field}.valid_from", relationship.ValidFrom);
        var validTo = CheckInstant(violations, $"{field}.valid_to", relationship.ValidTo);
        if (validFrom is not null && validTo is not null && validFrom.CompareTo(validTo) >= 0)
            violations.Add(new($"{field}.valid_to", "must be after valid_from", ErrorReasons.InvalidValidity));

        CheckSources(violations, $"{field}.sources", relationship.Sources);
        return violations;
    }

    /// <summary>
    /// INVALID_ARGUMENT (WRONG_ENDPOINT_KIND) when the endpoints' kinds are not among those the type
    /// allows, or null. The application core calls it inside the write, with the kinds it read.
    /// </summary>
    public GraphException? EndpointKindViolation(Relationship relationship, string sourceKind, string targetKind, string field = "relationship")
    {
        var type = Ontology.FindType(relationship.Type);
        if (type is null)
            return GraphException.InvalidArgument(ErrorReasons.UnknownRelationshipType, $"{field}.type", $"unknown relationship type '{relationship.Type}'");
        var violations = new List<FieldViolation>();
        if (!type.SourceKinds.Contains(sourceKind))
            violations.Add(new($"{field}.source", $"{relationship.Source} is a {sourceKind}; {type.Name} starts from {string.Join(" or ", type.SourceKinds)}", ErrorReasons.WrongEndpointKind));
        if (!type.TargetKinds.Contains(targetKind))
            violations.Add(new($"{field}.target", $"{relationship.Target} is a {targetKind}; {type.Name} points to {string.Join(" or ", type.TargetKinds)}", ErrorReasons.WrongEndpointKind));
        return violations.Count > 0 ? GraphException.InvalidArgument(violations) : null;
    }

    public static void ThrowIfAny(List<FieldViolation> violations)
    {
        if (violations.Count > 0) throw GraphException.InvalidArgument(violations);
    }

    private static void CheckProperties(List<FieldViolation> violations, string field, MapField<string, PropertyValue> values, IEnumerable<PropertyDefinition> definitions, string owner)
    {
        var byName = definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);
        if (values.Count > Limits.MaxProperties)
            violations.Add(new(field, $"at most {Limits.MaxProperties} properties", ErrorReasons.FieldTooLong));
        foreach (var (name, value) in values)
        {
            if (!byName.TryGetValue(name, out var definition))
                violations.Add(new($"{field}[{name}]", $"{owner} has no property '{name}'; it has: {(byName.Count == 0 ? "none" : string.Join(", ", byName.Keys))}", ErrorReasons.UnknownProperty));
            else if (PropertyChecks.Check(definition, value) is { } problem)
                violations.Add(new($"{field}[{name}]", problem.Description, problem.Reason));
        }
        foreach (var required in byName.Values.Where(d => d.Required && !values.ContainsKey(d.Name)))
            violations.Add(new($"{field}[{required.Name}]", $"is required by {owner}", ErrorReasons.MissingField));
    }

    private static void CheckSources(List<FieldViolation> violations, string field, RepeatedField<Source> sources)
    {
        if (sources.Count > Limits.MaxSources)
            violations.Add(new(field, $"at most {Limits.MaxSources} sources", ErrorReasons.FieldTooLong));
        for (var i = 0; i < sources.Count; i++)
            foreach (var (subfield, description, reason) in SourceChecks.Check(sources[i]))
                violations.Add(new($"{field}[{i}].{subfield}", description, reason));
    }

    /// <summary>The timestamp when it is a real instant (or unset); otherwise a violation and null.</summary>
    private static Google.Protobuf.WellKnownTypes.Timestamp? CheckInstant(List<FieldViolation> violations, string field, Google.Protobuf.WellKnownTypes.Timestamp? value)
    {
        if (value is null || TimestampChecks.IsValid(value)) return value;
        violations.Add(new(field, $"must lie in {TimestampChecks.Range}", ErrorReasons.InvalidValidity));
        return null;
    }

    private static void CheckLength(List<FieldViolation> violations, string field, string value, int max)
    {
        if (value.Length > max) violations.Add(new(field, $"at most {max} characters", ErrorReasons.FieldTooLong));
    }
}
