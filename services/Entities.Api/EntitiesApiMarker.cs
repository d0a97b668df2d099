namespace Entities.Api;

/// <summary>Names this assembly for WebApplicationFactory in tests that also reference other hosts.</summary>
public sealed class EntitiesApiMarker;
