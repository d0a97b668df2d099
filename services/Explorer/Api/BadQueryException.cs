namespace Explorer.Api;

/// <summary>A query parameter the explorer itself cannot read (the services check everything else).</summary>
public sealed class BadQueryException(string message) : Exception(message);
