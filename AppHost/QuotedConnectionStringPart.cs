using System.Data.Common;
using System.Text;
using Aspire.Hosting.ApplicationModel;

namespace KnowledgeGraph.AppHost;

/// <summary>
/// <c>Key=value</c> for a connection string, with the value quoted by <see cref="DbConnectionStringBuilder"/>'s
/// own rules, so a secret holding <c>;</c>, <c>=</c> or quotes reaches the service intact
/// (Neo4jStoreOptions.Parse reads it back with the same builder).
/// </summary>
internal sealed class QuotedConnectionStringPart(string key, ParameterResource value)
    : IValueProvider, IManifestExpressionProvider, IValueWithReferences
{
    public string ValueExpression => $"{key}={value.ValueExpression}";

    public IEnumerable<object> References => [value];

    public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default)
    {
        var part = new StringBuilder();
        DbConnectionStringBuilder.AppendKeyValuePair(part, key, await value.GetValueAsync(cancellationToken) ?? "");
        return part.ToString();
    }
}
