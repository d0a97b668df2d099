using CsCheck;
using KnowledgeGraph.FuzzTests.Generators;

namespace KnowledgeGraph.FuzzTests.Harness;

/// <summary>
/// What a careless JSON client does on top of a well-formed request: a body that is not JSON, or
/// JSON of the wrong shape, unknown fields, deep nesting, numbers no double holds, a wrong content
/// type, query parameters that are unknown or of the wrong type.
/// </summary>
public sealed record JsonMutation(string Name, string? Body = null, byte[]? RawBody = null, string? ContentType = null, string? Query = null)
{
    public override string ToString() => Name;

    private static readonly JsonMutation[] BodyMutations =
    [
        new("empty body", Body: ""),
        new("truncated", Body: "{\"kind\": \"Country\", \"displayName\": \"Tr"),
        new("not JSON", Body: "not json at all"),
        new("array", Body: "[1, 2, 3]"),
        new("null", Body: "null"),
        new("string", Body: "\"entities/japan\""),
        new("wrong field types", Body: "{\"displayName\": 5, \"aliases\": \"one\", \"properties\": []}"),
        new("object for a string", Body: "{\"kind\": {\"a\": 1}}"),
        new("unknown field", Body: "{\"kind\": \"Country\", \"displayName\": \"X\", \"bogusField\": 1}"),
        new("duplicate keys", Body: "{\"kind\": \"Country\", \"kind\": \"Planet\", \"displayName\": \"X\"}"),
        new("deep nesting", Body: "{\"properties\": " + new string('[', 10_000) + new string(']', 10_000) + "}"),
        new("deep objects", Body: string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000)),
        new("number overflow", Body: "{\"type\": \"SUPPLIES\", \"properties\": {\"share\": {\"numberValue\": 1e999}}}"),
        new("NaN share", Body: "{\"type\": \"SUPPLIES\", \"properties\": {\"share\": {\"numberValue\": \"NaN\"}}}"),
        new("integer overflow", Body: "{\"properties\": {\"term_years\": {\"integerValue\": \"99999999999999999999999\"}}}"),
        new("two oneof members", Body: "{\"properties\": {\"share\": {\"numberValue\": 0.5, \"stringValue\": \"half\"}}}"),
        new("bad timestamp", Body: "{\"validFrom\": \"9999-99-99T00:00:00Z\", \"createTime\": \"yesterday\"}"),
        new("timestamp out of range", Body: "{\"validFrom\": \"0000-12-31T23:59:59Z\", \"validTo\": \"10000-01-01T00:00:00Z\"}"),
        new("confidence infinity", Body: "{\"sources\": [{\"document\": \"x\", \"confidence\": \"Infinity\"}]}"),
        new("null values", Body: "{\"kind\": null, \"aliases\": [null], \"properties\": {\"a\": null}}"),
        new("lone surrogate escape", Body: "{\"displayName\": \"\\ud800\", \"kind\": \"Country\"}"),
        new("invalid UTF-8", RawBody: [(byte)'{', (byte)'"', (byte)'k', (byte)'i', (byte)'n', (byte)'d', (byte)'"', (byte)':', (byte)'"', 0xff, 0xfe, 0xc3, (byte)'"', (byte)'}']),
        new("text/plain", ContentType: "text/plain"),
        new("no content type", ContentType: ""),
        new("XML", Body: "<entity><kind>Country</kind></entity>", ContentType: "application/xml"),
    ];

    private static readonly JsonMutation[] QueryMutations =
    [
        new("unknown parameter", Query: "bogus=1"),
        new("page size not a number", Query: "pageSize=abc"),
        new("page size overflow", Query: "pageSize=99999999999"),
        new("page size fraction", Query: "page_size=1.5"),
        new("depth overflow", Query: "maxDepth=1e3"),
        new("unknown enum name", Query: "direction=SIDEWAYS"),
        new("unknown enum number", Query: "direction=99"),
        new("as_of not a time", Query: "asOf=yesterday"),
        new("as_of out of range", Query: "asOf=10000-01-01T00:00:00Z"),
        new("as_of impossible date", Query: "asOf=2025-02-30T00:00:00Z"),
        new("boolean not a boolean", Query: "validateOnly=maybe&force=yes"),
        new("bad percent encoding", Query: "filter=%ZZ&query=%"),
        new("mask with empty paths", Query: "updateMask=display_name,,kind"),
        new("repeated scalar", Query: "pageSize=1&pageSize=2"),
        new("nested unknown", Query: "asOf.seconds=5&entity.bogus=1"),
        new("min exposure NaN", Query: "minExposure=NaN"),
        new("min exposure infinity", Query: "minExposure=-Infinity"),
    ];

    /// <summary>No mutation mostly (the request itself is hostile enough); otherwise one that fits the route.</summary>
    public static Gen<JsonMutation?> For(JsonRoute route) => Gen.Frequency(
        (6, Gen.Const((JsonMutation?)null)),
        (2, Gen.OneOf<JsonMutation?>(route.Body is null ? QueryMutations : [.. BodyMutations, .. QueryMutations])));
}
