using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.Yaml
{
    /// <summary>
    /// KubernetesClient's methods that read YAML text: <c>Deserialize</c>, <c>LoadFromString</c> and
    /// <c>LoadAllFromString</c> of <c>k8s.KubernetesYaml</c> (and of <c>k8s.Yaml</c>, its name before KubernetesClient
    /// 8), bound by metadata name in every copy the compilation sees, whatever the major. Their first parameter, a
    /// string, is the YAML; overloads that take a stream or a file name are not read.
    /// </summary>
    internal sealed class YamlEntryPoints
    {
        private static readonly string[] TypeNames = { "k8s.KubernetesYaml", "k8s.Yaml" };

        private readonly ImmutableArray<INamedTypeSymbol> _types;

        private YamlEntryPoints(ImmutableArray<INamedTypeSymbol> types) => _types = types;

        /// <summary>The entry points of <paramref name="compilation"/>, or null when it has none (nothing more to do).</summary>
        internal static YamlEntryPoints? Resolve(Compilation compilation)
        {
            // Looked up in KubernetesClient's assemblies and the compilation's own sources when KubernetesClient is
            // referenced: a lookup through the compilation searches every reference, and the IDE makes a new compilation
            // for every request. Without KubernetesClient (types declared elsewhere), through the compilation.
            List<IAssemblySymbol>? kubernetes = null;
            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly
                    && assembly.Name.StartsWith("KubernetesClient", StringComparison.Ordinal))
                {
                    (kubernetes ??= new List<IAssemblySymbol>()).Add(assembly);
                }
            }

            var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (string name in TypeNames)
            {
                if (kubernetes is null)
                {
                    foreach (var type in compilation.GetTypesByMetadataName(name))
                    {
                        AddEntryPointType(types, type);
                    }

                    continue;
                }

                AddEntryPointType(types, compilation.Assembly.GetTypeByMetadataName(name));
                foreach (var assembly in kubernetes)
                {
                    AddEntryPointType(types, assembly.GetTypeByMetadataName(name));
                }
            }

            return types.Count == 0 ? null : new YamlEntryPoints(types.ToImmutable());
        }

        private static void AddEntryPointType(ImmutableArray<INamedTypeSymbol>.Builder types, INamedTypeSymbol? type)
        {
            if (type is not null && (type.IsStatic || type.TypeKind == TypeKind.Class))
            {
                types.Add(type);
            }
        }

        /// <summary>True for a method name that takes YAML text.</summary>
        internal static bool IsEntryPointName(string name) => name is "Deserialize" or "LoadFromString" or "LoadAllFromString";

        /// <summary>The argument that gives the YAML text of a call to an entry point, or null for any other call.</summary>
        internal IArgumentOperation? YamlArgument(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (!method.IsStatic || !IsEntryPointName(method.Name) || method.Parameters.IsEmpty
                || method.Parameters[0].Type.SpecialType != SpecialType.System_String
                || !IsEntryPointType(method.ContainingType))
            {
                return null;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { Ordinal: 0 } && !argument.IsImplicit)
                {
                    return argument;
                }
            }

            return null;
        }

        private bool IsEntryPointType(INamedTypeSymbol? type)
        {
            foreach (var candidate in _types)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate, type))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
