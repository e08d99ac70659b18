using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.Aspire
{
    /// <summary>
    /// A method of the app host that adds a container resource and returns its builder on every path: its body, and the
    /// call in it the returned builder comes from (<c>AddContainer</c>, or a call to another such method).
    /// </summary>
    internal sealed class AspireFactory
    {
        internal AspireFactory(AspireHelperBody body, IInvocationOperation start)
        {
            Body = body;
            Start = start;
        }

        internal AspireHelperBody Body { get; }

        internal IInvocationOperation Start { get; }
    }
}
