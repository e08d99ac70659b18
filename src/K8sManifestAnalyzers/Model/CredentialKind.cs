namespace K8sManifestAnalyzers.Model
{
    /// <summary>What an environment variable or ConfigMap key name says its value is (<see cref="CredentialName"/>).</summary>
    internal enum CredentialKind
    {
        /// <summary>Not a credential.</summary>
        None,

        /// <summary>A password, token, key or secret: any real value is the credential.</summary>
        Secret,

        /// <summary>A connection string: a credential only when it carries a password.</summary>
        ConnectionString,
    }
}
