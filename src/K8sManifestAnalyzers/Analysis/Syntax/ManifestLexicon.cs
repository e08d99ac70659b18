using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K8sManifestAnalyzers.Analysis.Syntax
{
    /// <summary>
    /// The syntax-level pre-check of the hosts that walk every body (issue 18): a body whose declaration names nothing a
    /// manifest is built from is not walked at all. Most bodies of a project build no manifest, and reading the text of
    /// their file once costs less than walking their operations.
    /// <para>
    /// A body can only reach a model object through a name: a KubernetesClient or Aspire model type (<c>V1Container</c>,
    /// <c>ContainerV1</c>), a member the rules read or write (<c>Image</c>, <c>Containers</c>, <c>ImagePullSecrets</c>,
    /// <c>Env</c>, …), a using alias or a type of the compilation derived from a model type, or a member of the compilation
    /// whose signature carries a model type (a helper taking a pod spec, a factory returning a container, a property
    /// holding one, a primary constructor's parameter), found from the declarations of every tree, transitively. A
    /// target-typed <c>new()</c> names nothing, so it counts as a name. The declaration's own header counts (a parameter
    /// typed <c>V1PodSpec</c>), as does everything Roslyn hands the block (attributes, initializers, lambdas).
    /// </para>
    /// <para>
    /// KMA105 reads constant strings in any body: a docker config with a credential has an <c>auths</c> object, so that
    /// text counts wherever it stands, as does a <c>const</c> of the compilation whose value holds it (folded into a
    /// concatenation elsewhere).
    /// </para>
    /// Positions of the names found are kept per tree, once per compilation, and shared by both hosts.
    /// </summary>
    internal sealed class ManifestLexicon
    {
        private const int RecentCapacity = 8;

        // The lexicons of the last sets of declarations seen (For): a solution's projects, each across its edits.
        private static readonly List<(LexiconKey Key, ManifestLexicon Lexicon)> Recent = new();

        // The members the readers, collectors and rules follow a model object through (ContainerReader, BodyIndex,
        // EnvVarReader, the pull-secret, config-reference and service-account collectors), the generated builders'
        // methods, and KubernetesYaml's entry points. A member a chain of model objects starts from in a library
        // (`client.ReadNamespacedPodAsync(…)`) is reached through one of these before anything is written that a rule
        // reads. Names every type has (Name, Value, Key, Metadata, Items, Type) are left out: a body reaches them
        // through one of the names above or a model type first.
        private static readonly HashSet<string> MemberNames = new(StringComparer.Ordinal)
        {
            "Image", "ImagePullPolicy", "PullPolicy", "Reference", "DefaultImagePullPolicy",
            "ImagePullSecrets", "Containers", "InitContainers", "EphemeralContainers",
            "Env", "EnvFrom", "ValueFrom", "SecretKeyRef", "ConfigMapKeyRef", "SecretRef", "ConfigMapRef",
            "ServiceAccountName", "ServiceAccount", "Secrets", "Data", "StringData", "BinaryData",
            "Secret", "ConfigMap", "SecretName", "Projected", "Sources", "Volumes", "Tls",
            "Spec", "Template", "JobTemplate",
            "ToContainer", "ToEphemeralContainer", "AddTo", "AddPullSecretTo", "AddInitContainerTo", "AddEphemeralContainerTo",
            "KubernetesYaml", "Yaml", "LoadFromString", "LoadAllFromString",
        };

        // MemberNames and the compilation's names that carry a model type, and the names of credential text: one lookup
        // per run of identifier characters, without making a string of it.
        private readonly NameTable _table;
        // Per tree, weakly: a lexicon given again to later compilations (For) must not keep their old trees alive.
        private readonly ConditionalWeakTable<SyntaxTree, Lazy<TreeHits>> _trees = new();

        private ManifestLexicon(HashSet<string> carriers, HashSet<string> credentialConstants, HashSet<string> aspireTypeNames)
        {
            carriers.UnionWith(MemberNames);
            carriers.UnionWith(aspireTypeNames);
            credentialConstants.Add(TreeDeclarations.CredentialText);
            _table = new NameTable(carriers, credentialConstants);
        }

        /// <summary>
        /// The lexicon of <paramref name="compilation"/>. An IDE makes a new compilation for every request, mostly with the
        /// same declarations (an edit inside a body changes none): a lexicon is kept for the last few sets of declarations
        /// (each tree's <see cref="TreeDeclarations.Fingerprint"/>, summed, with the counts) and given again to a
        /// compilation with the same set, so a request pays for reading its edited tree's declarations and no more.
        /// </summary>
        internal static ManifestLexicon For(Compilation compilation)
        {
            var aspireTypeNames = AspireTypeNames(compilation);
            var key = new LexiconKey(0, 0, 0);
            foreach (var name in aspireTypeNames)
            {
                key = key.With(TreeDeclarations.Hash(name), 0);
            }

            // The key alone first: a request that finds its lexicon allocates nothing per tree.
            foreach (var tree in compilation.SyntaxTrees)
            {
                var declarations = TreeDeclarations.For(tree, CancellationToken.None);
                key = key.With(declarations.Fingerprint, declarations.Declarations.Length);
            }

            lock (Recent)
            {
                foreach (var (known, lexicon) in Recent)
                {
                    if (known.Equals(key))
                    {
                        return lexicon;
                    }
                }
            }

            var trees = new List<TreeDeclarations>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                trees.Add(TreeDeclarations.For(tree, CancellationToken.None));
            }

            var created = Create(trees, aspireTypeNames);
            lock (Recent)
            {
                if (Recent.Count == RecentCapacity)
                {
                    Recent.RemoveAt(0);
                }

                Recent.Add((key, created));
            }

            return created;
        }

        /// <summary>
        /// Reads the declarations of every tree of <paramref name="compilation"/> (each tree once, whatever compilation
        /// holds it) and finds its names that carry a model or a credential text, to a fixed point. Not kept: see <see cref="For"/>.
        /// </summary>
        internal static ManifestLexicon Create(Compilation compilation, CancellationToken cancellationToken)
        {
            var trees = new List<TreeDeclarations>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                trees.Add(TreeDeclarations.For(tree, cancellationToken));
            }

            return Create(trees, AspireTypeNames(compilation));
        }

        private static ManifestLexicon Create(List<TreeDeclarations> trees, HashSet<string> aspireTypeNames)
        {
            // Each kind apart: the fixed points below go over their own kind only.
            var types = new List<Declaration>();
            var members = new List<Declaration>();
            var constants = new List<Declaration>();
            foreach (var tree in trees)
            {
                foreach (var declaration in tree.Declarations)
                {
                    switch (declaration.Kind)
                    {
                        case DeclarationKind.Type:
                        case DeclarationKind.Alias:
                            types.Add(declaration);
                            break;
                        case DeclarationKind.Member:
                            members.Add(declaration);
                            break;
                        default:
                            constants.Add(declaration);
                            break;
                    }
                }
            }

            // Types first (an alias, a class derived from a model type, a delegate taking one; a type is named in
            // another's header, so to a fixed point), then the members whose header names any of them.
            var carriers = new HashSet<string>(StringComparer.Ordinal);
            bool added;
            do
            {
                added = false;
                foreach (var declaration in types)
                {
                    if (!carriers.Contains(declaration.Name) && NamesModelType(declaration.Header, carriers, aspireTypeNames))
                    {
                        carriers.Add(declaration.Name);
                        added = true;
                    }
                }
            }
            while (added);

            var carrierTypes = new HashSet<string>(carriers, StringComparer.Ordinal);
            foreach (var declaration in members)
            {
                if (NamesModelType(declaration.Header, carrierTypes, aspireTypeNames))
                {
                    carriers.Add(declaration.Name);
                }
            }

            var credentialConstants = new HashSet<string>(StringComparer.Ordinal);
            do
            {
                added = false;
                foreach (var declaration in constants)
                {
                    if (!credentialConstants.Contains(declaration.Name)
                        && (declaration.HoldsCredentialText || NamesAny(declaration.Header, credentialConstants)))
                    {
                        credentialConstants.Add(declaration.Name);
                        added = true;
                    }
                }
            }
            while (added);

            return new ManifestLexicon(carriers, credentialConstants, aspireTypeNames);
        }

        /// <summary>
        /// Whether any of the blocks Roslyn hands for one body may concern a manifest (<paramref name="models"/>) or hold
        /// a docker config for KMA105: a name of this lexicon in the declaration that holds the block.
        /// </summary>
        internal bool MayConcern(ImmutableArray<IOperation> blocks, bool models)
        {
            foreach (var block in blocks)
            {
                if (block?.Syntax is { } syntax && MayConcern(syntax, models))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the declaration that holds <paramref name="syntax"/> names anything of this lexicon.</summary>
        internal bool MayConcern(SyntaxNode syntax, bool models)
        {
            var scope = ScopeOf(syntax).Span;
            // One scan per tree, whichever host asks first; the other waits for it rather than scanning too. It is not
            // cancelled (a Lazy would keep the cancellation for every later caller); it costs microseconds per file.
            var hits = _trees.GetValue(syntax.SyntaxTree, tree => new Lazy<TreeHits>(() => Scan(tree), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
            return (models && TreeHits.Any(hits.Models, scope)) || TreeHits.Any(hits.Credentials, scope);
        }

        // The member (method, property, field, constructor, accessor's property, type for a primary constructor's
        // arguments) whose declaration holds the block: its header names the parameters' and the result's types. Top-level
        // statements are the compilation unit.
        private static SyntaxNode ScopeOf(SyntaxNode syntax)
        {
            for (var node = syntax; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case GlobalStatementSyntax global:
                        return global.Parent ?? global;
                    case MemberDeclarationSyntax member:
                        return member;
                }
            }

            return syntax;
        }

        // KubernetesClient's model types by their shape: V1Pod, V1beta1CronJob, V2HorizontalPodAutoscaler.
        private static bool IsKubernetesModelName(string name) =>
            name.Length > 2 && name[0] == 'V' && name[1] >= '1' && name[1] <= '9';

        private static bool IsKubernetesModelName(char[] chars, int start, int length) =>
            length > 2 && chars[start] == 'V' && chars[start + 1] >= '1' && chars[start + 1] <= '9';

        private static bool NamesModelType(string[] header, HashSet<string> carriers, HashSet<string> aspireTypeNames)
        {
            foreach (var name in header)
            {
                if (IsKubernetesModelName(name) || aspireTypeNames.Contains(name) || carriers.Contains(name)
                    || name is "KubernetesYaml" or "Yaml")
                {
                    return true;
                }
            }

            return false;
        }

        private static bool NamesAny(string[] header, HashSet<string> names)
        {
            foreach (var name in header)
            {
                if (names.Contains(name))
                {
                    return true;
                }
            }

            return false;
        }

        // Aspire.Hosting.Kubernetes' resource types (ContainerV1, PodSpecV1, Deployment, Secret, …), from the assembly or
        // the compilation's own sources, whichever holds its ContainerV1.
        private static HashSet<string> AspireTypeNames(Compilation compilation)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            if (compilation.GetTypeByMetadataName(KubernetesTypes.AspireContainerMetadataName)?.ContainingNamespace is { } resources)
            {
                foreach (var type in resources.GetTypeMembers())
                {
                    names.Add(type.Name);
                }
            }

            return names;
        }

        // One pass over the tree's text, not its tokens (enumerating tokens builds a node object for every node of the tree,
        // measured at ten times the cost of the operation walks it spares): each run of identifier characters is looked up
        // as it stands, so a name in a comment or a string counts too, which only costs a walk. `new` followed by `(` is a
        // target-typed creation. The text "auths" is what a docker config needs, wherever it stands in a string.
        // Optimized at once: in a build the compiler runs in a new process, and this loop over every character of the
        // project would otherwise start in the JIT's unoptimized tier.
        [MethodImpl((MethodImplOptions)512)] // AggressiveOptimization, which netstandard2.0 does not name
        private TreeHits Scan(SyntaxTree tree)
        {
            var text = tree.GetText(CancellationToken.None);
            var chars = new char[text.Length];
            text.CopyTo(0, chars, 0, chars.Length);
            List<int>? models = null;
            List<int>? credentials = null;
            int i = 0;
            while (i < chars.Length)
            {
                char c = chars[i];
                if (!IsIdentifierPart(c))
                {
                    i++;
                    continue;
                }

                int start = i;
                uint hash = NameTable.Seed;
                while (i < chars.Length && IsIdentifierPart(chars[i]))
                {
                    hash = NameTable.Step(hash, chars[i]);
                    i++;
                }

                int length = i - start;
                if (c >= '0' && c <= '9')
                {
                    // A number (or a suffix of one), not a name.
                    continue;
                }

                switch (_table.Find(chars, start, length, hash))
                {
                    case NameKind.Model:
                        (models ??= new List<int>()).Add(start);
                        continue;
                    case NameKind.Credential:
                        (credentials ??= new List<int>()).Add(start);
                        continue;
                }

                if (IsKubernetesModelName(chars, start, length)
                    || (length == 3 && c == 'n' && chars[start + 1] == 'e' && chars[start + 2] == 'w' && IsFollowedByParenthesis(chars, i)))
                {
                    (models ??= new List<int>()).Add(start);
                }
            }

            return new TreeHits(models?.ToArray() ?? Array.Empty<int>(), credentials?.ToArray() ?? Array.Empty<int>());
        }

        private static bool IsIdentifierPart(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || (c > 127 && char.IsLetterOrDigit(c));

        private static bool IsFollowedByParenthesis(char[] chars, int index)
        {
            while (index < chars.Length && char.IsWhiteSpace(chars[index]))
            {
                index++;
            }

            return index < chars.Length && chars[index] == '(';
        }

        // What a lexicon is made of: the sum of its trees' fingerprints, the number of trees and of declarations.
        private readonly struct LexiconKey : IEquatable<LexiconKey>
        {
            private readonly ulong _sum;
            private readonly int _trees;
            private readonly int _declarations;

            internal LexiconKey(ulong sum, int trees, int declarations)
            {
                _sum = sum;
                _trees = trees;
                _declarations = declarations;
            }

            internal LexiconKey With(ulong fingerprint, int declarations) => new(unchecked(_sum + fingerprint), _trees + 1, _declarations + declarations);

            public bool Equals(LexiconKey other) => _sum == other._sum && _trees == other._trees && _declarations == other._declarations;

            public override bool Equals(object? obj) => obj is LexiconKey other && Equals(other);

            public override int GetHashCode() => _sum.GetHashCode();
        }

        private sealed class TreeHits
        {
            internal TreeHits(int[] models, int[] credentials)
            {
                Models = models;
                Credentials = credentials;
            }

            internal int[] Models { get; }

            internal int[] Credentials { get; }

            // Whether a position in ascending `positions` falls inside `span`.
            internal static bool Any(int[] positions, Microsoft.CodeAnalysis.Text.TextSpan span)
            {
                int index = Array.BinarySearch(positions, span.Start);
                if (index < 0)
                {
                    index = ~index;
                }

                return index < positions.Length && positions[index] < span.End;
            }
        }
    }
}
