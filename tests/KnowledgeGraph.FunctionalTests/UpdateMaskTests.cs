using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.V1;
using static KnowledgeGraph.FunctionalTests.Infrastructure.TestGraph;

namespace KnowledgeGraph.FunctionalTests;

/// <summary>
/// Updates as clients really send them (AIP-134): a PATCH with no mask changes what its body carries,
/// <c>*</c> replaces every field the client may set, and map fields merge without crashing.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class UpdateMaskTests(SharedServices shared)
{
    private EntityService.EntityServiceClient Entities => shared.Services.Entities;
    private RelationshipService.RelationshipServiceClient Relationships => shared.Services.Relationships;

    private async Task<Entity> CountryAsync()
    {
        var entity = Entity("Country", "Japan", "Nippon");
        entity.Properties["capital"] = new PropertyValue { StringValue = "Tokyo" };
        entity.ExternalIds["iso3166_alpha2"] = "JP";
        return await Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = UniqueId("japan"), Entity = entity });
    }

    [Fact]
    public async Task A_json_patch_without_a_mask_gives_the_merged_entity()
    {
        var created = await CountryAsync();
        using var http = shared.Services.EntitiesHost.CreateHttpClient();

        using var response = await http.PatchAsJsonAsync($"/v1/{created.Name}", new { displayName = "Japan (State of)", properties = new { capital = new { stringValue = "Kyoto" } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var patched = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Japan (State of)", patched.GetProperty("displayName").GetString());
        Assert.Equal("Kyoto", patched.GetProperty("properties").GetProperty("capital").GetProperty("stringValue").GetString());
        Assert.Equal("Country", patched.GetProperty("kind").GetString());
        Assert.Equal("Nippon", patched.GetProperty("aliases")[0].GetString());
        Assert.Equal("JP", patched.GetProperty("externalIds").GetProperty("iso3166_alpha2").GetString());
        Assert.NotEqual(created.Etag, patched.GetProperty("etag").GetString());
    }

    [Fact]
    public async Task A_json_patch_with_star_replaces_every_field_the_client_may_set()
    {
        var created = await CountryAsync();
        using var http = shared.Services.EntitiesHost.CreateHttpClient();

        using var response = await http.PatchAsJsonAsync($"/v1/{created.Name}?update_mask=*",
            new { kind = "Country", displayName = "Japan", sources = new[] { new { document = "functional-tests" } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replaced = await Entities.GetEntityAsync(new GetEntityRequest { Name = created.Name });
        Assert.Empty(replaced.Aliases);
        Assert.Empty(replaced.Properties);
        Assert.Empty(replaced.ExternalIds);
        Assert.Equal(created.CreateTime, replaced.CreateTime);
    }

    [Fact]
    public async Task A_star_patch_that_drops_a_required_field_is_invalid_and_writes_nothing()
    {
        var created = await CountryAsync();
        using var http = shared.Services.EntitiesHost.CreateHttpClient();

        using var response = await http.PatchAsJsonAsync($"/v1/{created.Name}?update_mask=*", new { displayName = "Japan" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, status.GetProperty("code").GetInt32());
        Assert.Contains("entity.kind", status.GetRawText());
        Assert.Equal(created, await Entities.GetEntityAsync(new GetEntityRequest { Name = created.Name }));
    }

    [Fact]
    public async Task A_grpc_update_without_a_mask_merges_maps_and_keeps_unset_fields()
    {
        var created = await CountryAsync();
        var patch = new Entity { Name = created.Name, Etag = created.Etag };
        patch.ExternalIds["wikidata"] = "Q17";

        var updated = await Entities.UpdateEntityAsync(new UpdateEntityRequest { Entity = patch });

        Assert.Equal("Q17", updated.ExternalIds["wikidata"]);
        Assert.False(updated.ExternalIds.ContainsKey("iso3166_alpha2"));
        Assert.Equal(("Japan", "Tokyo"), (updated.DisplayName, updated.Properties["capital"].StringValue));
    }

    [Fact]
    public async Task A_relationship_patch_without_a_mask_keeps_its_type_and_endpoints()
    {
        var russia = await Entities.CreateAsync("Country", "Russia");
        var japan = await Entities.CreateAsync("Country", "Japan");
        var created = await Relationships.CreateAsync(Relationship("SUPPLIES", russia.Name, japan.Name, 0.09));
        using var http = shared.Services.RelationshipsHost.CreateHttpClient();

        using var response = await http.PatchAsJsonAsync($"/v1/{created.Name}", new { properties = new { share = new { numberValue = 0.1 } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await Relationships.GetRelationshipAsync(new GetRelationshipRequest { Name = created.Name });
        Assert.Equal(("SUPPLIES", russia.Name, japan.Name, 0.1), (updated.Type, updated.Source, updated.Target, updated.Properties["share"].NumberValue));
        Assert.Equal(created.Sources, updated.Sources);
    }

    [Fact]
    public async Task An_update_that_changes_nothing_writes_nothing()
    {
        var created = await CountryAsync();

        var same = await Entities.UpdateEntityAsync(new UpdateEntityRequest { Entity = new Entity { Name = created.Name, DisplayName = created.DisplayName } });

        Assert.Equal(created, same);
    }

    [Fact]
    public async Task Star_combined_with_other_paths_is_an_invalid_mask()
    {
        var created = await CountryAsync();

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_FIELD_MASK", () =>
            Entities.UpdateEntityAsync(new UpdateEntityRequest { Entity = created, UpdateMask = new FieldMask { Paths = { "*", "display_name" } } }));
    }

    [Fact]
    public async Task A_page_token_from_another_list_is_invalid()
    {
        await CountryAsync();
        await CountryAsync();
        var page = await Entities.ListEntitiesAsync(new ListEntitiesRequest { PageSize = 1 });
        Assert.NotEmpty(page.NextPageToken);

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN", () =>
            Relationships.ListRelationshipsAsync(new ListRelationshipsRequest { PageSize = 1, PageToken = page.NextPageToken }));
    }
}
