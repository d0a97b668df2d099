namespace Explorer;

/// <summary>Names this assembly for WebApplicationFactory in tests that also reference the service hosts.</summary>
public sealed class ExplorerMarker;
