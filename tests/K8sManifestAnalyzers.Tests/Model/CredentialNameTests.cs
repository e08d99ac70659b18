using System.Collections.Immutable;
using K8sManifestAnalyzers.Model;
using Xunit;

namespace K8sManifestAnalyzers.Tests.Model;

/// <summary>KMA117's reading of names and values, without Roslyn.</summary>
public sealed class CredentialNameTests
{
    [Theory]
    [InlineData("DB_PASSWORD")]
    [InlineData("ApiKey")]
    [InlineData("x-api-key")]
    [InlineData("APIKEY")]
    [InlineData("GITHUB_TOKEN")]
    [InlineData("OAuth2Token")]
    [InlineData("ConnectionStrings__Default")]
    [InlineData("ConnectionStrings:Shop")]
    [InlineData("DB_CONNECTION_STRING")]
    [InlineData("AWS_SECRET_ACCESS_KEY")]
    [InlineData("SECRET_KEY_BASE")]
    [InlineData("Auth__ClientSecret")]
    [InlineData("WEBHOOK_SECRET")]
    [InlineData("jwt.secret")]
    [InlineData("DB_PASSWORD_2")]
    [InlineData("password2")]
    [InlineData("GOOGLE_APPLICATION_CREDENTIALS")]
    [InlineData("DB_PWD")]
    public void CredentialNames_Match(string name) => Assert.True(CredentialName.Default.Matches(name));

    [Theory]
    [InlineData("TOKEN_URL")]
    [InlineData("PASSWORD_FILE")]
    [InlineData("SECRET_NAME")]
    [InlineData("TLS_SECRET")]
    [InlineData("IMAGE_PULL_SECRET")]
    [InlineData("WebhookCertSecret")]
    [InlineData("ca-secret")]
    [InlineData("TOKEN_TTL")]
    [InlineData("KEY_PATH")]
    [InlineData("PASSWORD_MIN_LENGTH")]
    [InlineData("API_KEY_HEADER")]
    [InlineData("PRIVATE_KEY_PATH")]
    [InlineData("AWS_ACCESS_KEY_ID")]
    [InlineData("MAX_TOKENS")]
    [InlineData("PWD")]
    [InlineData("KEY")]
    [InlineData("ASPNETCORE_ENVIRONMENT")]
    [InlineData("MyConnectionStringsX__Default")]
    [InlineData("")]
    public void OtherNames_DoNotMatch(string name) => Assert.False(CredentialName.Default.Matches(name));

    [Fact]
    public void OptionWords_AreAddedToTheDefaults()
    {
        var names = CredentialName.With(ImmutableArray.Create("license_key", "Pass"));
        Assert.True(names.Matches("LICENSE_KEY"));
        Assert.True(names.Matches("ProductLicenseKey"));
        Assert.True(names.Matches("SMTP_PASS"));
        Assert.True(names.Matches("DB_PASSWORD"));
        Assert.False(CredentialName.Default.Matches("SMTP_PASS"));
    }

    [Theory]
    [InlineData("hunter2")]
    [InlineData("changeme")]
    [InlineData("postgres://app:s3cret@db:5432/shop")]
    public void Secrets_AreCredentials(string value) => Assert.True(CredentialValue.IsCredential(value, CredentialKind.Secret));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<password>")]
    [InlineData("${DB_PASSWORD}")]
    [InlineData("$(DB_PASSWORD)")]
    [InlineData("{{ .Values.db.password }}")]
    [InlineData("***")]
    [InlineData("xxx")]
    [InlineData("REPLACE_ME")]
    [InlineData("TODO")]
    [InlineData("<redacted>")]
    [InlineData("your-api-key")]
    [InlineData("true")]
    [InlineData("3600")]
    [InlineData("/var/run/secrets/token")]
    [InlineData("https://auth.example.com/token")]
    [InlineData("postgres://app:$(DB_PASSWORD)@db/shop")]
    public void Placeholders_AndSettings_AreNotCredentials(string value) => Assert.False(CredentialValue.IsCredential(value, CredentialKind.Secret));

    [Theory]
    [InlineData("Host=db;Username=app;Password=s3cret", true)]
    [InlineData("Server=db;Database=shop;User Id=sa;Pwd=Str0ng!", true)]
    [InlineData("Server=db;Database=shop;Integrated Security=true", false)]
    [InlineData("Host=db;Password=${DB_PASSWORD}", false)]
    [InlineData("redis:6379,password=s3cret", true)]
    public void ConnectionStrings_AreCredentials_OnlyWithAPassword(string value, bool expected) =>
        Assert.Equal(expected, CredentialValue.IsCredential(value, CredentialKind.ConnectionString));
}
