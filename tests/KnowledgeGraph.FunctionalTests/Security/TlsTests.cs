using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.Grpc.Security;
using KnowledgeGraph.V1;
using Queries.Api;

namespace KnowledgeGraph.FunctionalTests.Security;

/// <summary>
/// TLS with a certificate from configuration: Kestrel's standard <c>Kestrel:Endpoints</c>, as
/// SECURITY.md shows. One HTTPS port serves gRPC (HTTP/2, chosen by ALPN) and JSON (HTTP/1.1).
/// </summary>
public sealed class TlsTests
{
    [Fact]
    public async Task A_grpc_call_with_a_token_succeeds_over_tls_with_a_certificate_from_configuration()
    {
        var dataPath = Directory.CreateTempSubdirectory("kg-tls-").FullName;
        using var certificate = SelfSignedCertificate();
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var certificatePath = Path.Combine(dataPath, "service.pfx");
        await File.WriteAllBytesAsync(certificatePath, certificate.Export(X509ContentType.Pfx, password));
        var port = TestChannels.FreePort();
        await using var host = new ServiceHost<QueriesApiMarker>(dataPath, new Dictionary<string, string>
        {
            ["Kestrel:Endpoints:Tls:Url"] = $"https://127.0.0.1:{port}",
            ["Kestrel:Endpoints:Tls:Protocols"] = "Http1AndHttp2",
            ["Kestrel:Endpoints:Tls:Certificate:Path"] = certificatePath,
            ["Kestrel:Endpoints:Tls:Certificate:Password"] = password,
        });
        var address = new Uri($"https://127.0.0.1:{port}");
        var token = TestTokens.Mint(Scopes.Read);

        using var channel = TestChannels.Create(address, token, TrustOnly(certificate));
        var schema = await new QueryService.QueryServiceClient(channel).GetSchemaAsync(new GetSchemaRequest());
        Assert.Contains(schema.EntityKinds, kind => kind.Name == "Country");

        using var http = new HttpClient(TrustOnly(certificate)) { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var json = await http.GetFromJsonAsync<JsonElement>("/v1/schema");
        Assert.True(json.GetProperty("entityKinds").GetArrayLength() > 0);
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
    }

    /// <summary>A handler that trusts this one certificate and nothing else (the test's own, not a CA's).</summary>
    private static SocketsHttpHandler TrustOnly(X509Certificate2 certificate) => new()
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.Thumbprint,
        },
    };
}
