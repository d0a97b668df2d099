using System.ComponentModel.DataAnnotations;

namespace Explorer.Graph;

/// <summary>
/// The explorer's own credential, configuration section <c>Explorer</c>: the bearer token it sends
/// with every call to the services (it needs only <c>graph.read</c>). The browser never sees it.
/// </summary>
public sealed class ExplorerCredentialOptions : IValidatableObject
{
    public const string Section = "Explorer";

    /// <summary>The token itself, e.g. from a secret store (<c>Explorer__BearerToken</c>).</summary>
    public string? BearerToken { get; set; }

    /// <summary>
    /// A file holding the token, read again on every call, so whatever renews it (a workload-identity
    /// sidecar, a projected service-account token) is picked up without a restart. Wins over <see cref="BearerToken"/>.
    /// </summary>
    public string? BearerTokenFile { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(BearerToken) && string.IsNullOrWhiteSpace(BearerTokenFile))
            yield return new ValidationResult(
                $"The explorer has no credential for the services: set {Section}:BearerToken or {Section}:BearerTokenFile " +
                "to a token with the scope graph.read (the AppHost sets one; see docs/configuration.md).",
                [nameof(BearerToken), nameof(BearerTokenFile)]);
    }
}
