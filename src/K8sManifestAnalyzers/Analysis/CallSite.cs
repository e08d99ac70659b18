using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// A call that passes values to a helper, builder or factory of the compilation, as the rules see it: where it is
    /// written, and the name of the method for messages (<c>passed to Images.Api</c>, <c>created by Make</c>).
    /// </summary>
    /// <remarks>
    /// A front-end makes one from its own notion of a call (<see cref="OperationValues.Call"/> for C#). The rules ask
    /// of it only what <see cref="ValueLocation"/> answers: whether a value is written inside it, and where.
    /// </remarks>
    internal readonly struct CallSite
    {
        internal CallSite(Location location, string method)
        {
            Location = location;
            Method = method;
        }

        /// <summary>The whole call, arguments included.</summary>
        internal Location Location { get; }

        /// <summary>The method's name as messages show it.</summary>
        internal string Method { get; }
    }
}
