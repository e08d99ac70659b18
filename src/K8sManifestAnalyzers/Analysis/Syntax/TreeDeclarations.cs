using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K8sManifestAnalyzers.Analysis.Syntax
{
    /// <summary>What a name declared in a tree is, for <see cref="ManifestLexicon"/>.</summary>
    internal enum DeclarationKind
    {
        /// <summary>A class, struct, record, interface or delegate: its name can be written where a type goes.</summary>
        Type,

        /// <summary>A using alias: a type name like any other.</summary>
        Alias,

        /// <summary>A method, constructor, property, field, event, or a primary constructor's parameter.</summary>
        Member,

        /// <summary>A <c>const</c> field: its header is its initializer, whose constant value a body may fold.</summary>
        Constant,
    }

    /// <summary>One declared name and the identifiers of its header (types, parameters, constraints; not its body).</summary>
    internal readonly struct Declaration
    {
        internal Declaration(string name, DeclarationKind kind, string[] header, bool holdsCredentialText)
        {
            Name = name;
            Kind = kind;
            Header = header;
            HoldsCredentialText = holdsCredentialText;
        }

        internal string Name { get; }

        internal DeclarationKind Kind { get; }

        internal string[] Header { get; }

        /// <summary>A constant whose initializer holds a string with the text a docker config needs (<c>auths</c>).</summary>
        internal bool HoldsCredentialText { get; }
    }

    /// <summary>
    /// The names one syntax tree declares (types, members, aliases, constants) with the identifiers their headers use,
    /// read from the syntax alone, without descending into bodies. It depends on the tree only, so it is kept per tree
    /// and shared by every compilation that holds the tree: after an edit in the IDE, only the edited tree is read again.
    /// </summary>
    internal sealed class TreeDeclarations
    {
        /// <summary>The text a docker config JSON with a credential must contain (KMA105 reads its <c>auths</c> object).</summary>
        internal const string CredentialText = "auths";

        private static readonly ConditionalWeakTable<SyntaxTree, TreeDeclarations> Cache = new();

        private TreeDeclarations(ImmutableArray<Declaration> declarations)
        {
            Declarations = declarations;
            ulong fingerprint = FnvOffset;
            foreach (var declaration in declarations)
            {
                fingerprint = Mix(fingerprint, (ulong)declaration.Kind + (declaration.HoldsCredentialText ? 8UL : 0UL));
                fingerprint = Mix(fingerprint, Hash(declaration.Name));
                foreach (var name in declaration.Header)
                {
                    fingerprint = Mix(fingerprint, Hash(name));
                }

                fingerprint = Mix(fingerprint, (ulong)declaration.Header.Length);
            }

            Fingerprint = fingerprint;
        }

        internal ImmutableArray<Declaration> Declarations { get; }

        /// <summary>A 64-bit hash of <see cref="Declarations"/>, in order: two trees that declare the same have the same.</summary>
        internal ulong Fingerprint { get; }

        private const ulong FnvOffset = 14695981039346656037;
        private const ulong FnvPrime = 1099511628211;

        /// <summary>A 64-bit FNV-1a hash of a name (the same in every process, unlike <see cref="string.GetHashCode()"/>).</summary>
        internal static ulong Hash(string name)
        {
            ulong hash = FnvOffset;
            foreach (char c in name)
            {
                hash = unchecked((hash ^ c) * FnvPrime);
            }

            return hash;
        }

        private static ulong Mix(ulong hash, ulong value) => unchecked((hash ^ value) * FnvPrime);

        internal static TreeDeclarations For(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (Cache.TryGetValue(tree, out var known))
            {
                return known;
            }

            var builder = ImmutableArray.CreateBuilder<Declaration>();
            if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit)
            {
                AddUsings(builder, unit.Usings);
                AddMembers(builder, unit.Members, cancellationToken);
            }

            return Cache.GetValue(tree, _ => new TreeDeclarations(builder.ToImmutable()));
        }

        // Whether a string token's text holds CredentialText (literals, raw and UTF-8 literals, interpolated text): a
        // constant's initializer. Bodies are read from the tree's text instead (ManifestLexicon.Scan).
        private static bool HoldsCredentialText(SyntaxToken token)
        {
            switch (token.Kind())
            {
                case SyntaxKind.StringLiteralToken:
                case SyntaxKind.Utf8StringLiteralToken:
                case SyntaxKind.SingleLineRawStringLiteralToken:
                case SyntaxKind.MultiLineRawStringLiteralToken:
                case SyntaxKind.Utf8SingleLineRawStringLiteralToken:
                case SyntaxKind.Utf8MultiLineRawStringLiteralToken:
                case SyntaxKind.InterpolatedStringTextToken:
                    return token.ValueText.IndexOf(CredentialText, System.StringComparison.Ordinal) >= 0;
                default:
                    return false;
            }
        }

        private static void AddUsings(ImmutableArray<Declaration>.Builder builder, SyntaxList<UsingDirectiveSyntax> usings)
        {
            foreach (var directive in usings)
            {
                if (directive.Alias is { } alias)
                {
                    builder.Add(new Declaration(alias.Name.Identifier.ValueText, DeclarationKind.Alias, Identifiers(directive.NamespaceOrType), holdsCredentialText: false));
                }
            }
        }

        private static void AddMembers(ImmutableArray<Declaration>.Builder builder, SyntaxList<MemberDeclarationSyntax> members, CancellationToken cancellationToken)
        {
            foreach (var member in members)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax space:
                        AddUsings(builder, space.Usings);
                        AddMembers(builder, space.Members, cancellationToken);
                        break;

                    case TypeDeclarationSyntax type:
                        builder.Add(new Declaration(type.Identifier.ValueText, DeclarationKind.Type, Identifiers(type.BaseList, type.ParameterList, type.ConstraintClauses), holdsCredentialText: false));
                        if (type.ParameterList is { } primary)
                        {
                            // A record's positional parameters are its properties; a primary constructor's parameters are
                            // in scope in every member of the type, whose own declaration does not name their type.
                            foreach (var parameter in primary.Parameters)
                            {
                                builder.Add(new Declaration(parameter.Identifier.ValueText, DeclarationKind.Member, Identifiers(parameter.Type), holdsCredentialText: false));
                            }
                        }

                        AddMembers(builder, type.Members, cancellationToken);
                        break;

                    case DelegateDeclarationSyntax @delegate:
                        builder.Add(new Declaration(@delegate.Identifier.ValueText, DeclarationKind.Type, Identifiers(@delegate.ReturnType, @delegate.ParameterList, @delegate.ConstraintClauses), holdsCredentialText: false));
                        break;

                    case MethodDeclarationSyntax method:
                        builder.Add(new Declaration(method.Identifier.ValueText, DeclarationKind.Member, Identifiers(method.ReturnType, method.ParameterList, method.ConstraintClauses), holdsCredentialText: false));
                        break;

                    case ConstructorDeclarationSyntax constructor:
                        builder.Add(new Declaration(constructor.Identifier.ValueText, DeclarationKind.Member, Identifiers(constructor.ParameterList), holdsCredentialText: false));
                        break;

                    case PropertyDeclarationSyntax property:
                        builder.Add(new Declaration(property.Identifier.ValueText, DeclarationKind.Member, Identifiers(property.Type), holdsCredentialText: false));
                        break;

                    case EventDeclarationSyntax @event:
                        builder.Add(new Declaration(@event.Identifier.ValueText, DeclarationKind.Member, Identifiers(@event.Type), holdsCredentialText: false));
                        break;

                    case BaseFieldDeclarationSyntax field:
                        bool constant = field.Modifiers.Any(SyntaxKind.ConstKeyword);
                        var typeNames = Identifiers(field.Declaration.Type);
                        foreach (var variable in field.Declaration.Variables)
                        {
                            builder.Add(new Declaration(variable.Identifier.ValueText, DeclarationKind.Member, typeNames, holdsCredentialText: false));
                            if (constant && variable.Initializer is { } initializer)
                            {
                                builder.Add(new Declaration(variable.Identifier.ValueText, DeclarationKind.Constant, Identifiers(initializer.Value), HoldsCredentialTextIn(initializer.Value)));
                            }
                        }

                        break;
                }
            }
        }

        private static bool HoldsCredentialTextIn(SyntaxNode node)
        {
            foreach (var token in node.DescendantTokens())
            {
                if (HoldsCredentialText(token))
                {
                    return true;
                }
            }

            return false;
        }

        // The names a header uses where a type goes, read from the type syntax itself (no token enumeration: this runs over
        // every declaration of every tree): the type's name and its type arguments, element and tuple types, each
        // parameter's type, base types and constraints; an alias's target.
        private static string[] Identifiers(SyntaxNode? first, SyntaxNode? second = null, SyntaxList<TypeParameterConstraintClauseSyntax> constraints = default)
        {
            List<string>? names = null;
            Add(ref names, first);
            Add(ref names, second);
            foreach (var clause in constraints)
            {
                foreach (var constraint in clause.Constraints)
                {
                    if (constraint is TypeConstraintSyntax type)
                    {
                        Add(ref names, type.Type);
                    }
                }
            }

            return names?.ToArray() ?? System.Array.Empty<string>();
        }

        private static void Add(ref List<string>? names, SyntaxNode? node)
        {
            switch (node)
            {
                case null:
                    return;
                case IdentifierNameSyntax identifier:
                    (names ??= new List<string>()).Add(identifier.Identifier.ValueText);
                    return;
                case GenericNameSyntax generic:
                    (names ??= new List<string>()).Add(generic.Identifier.ValueText);
                    foreach (var argument in generic.TypeArgumentList.Arguments)
                    {
                        Add(ref names, argument);
                    }

                    return;
                case QualifiedNameSyntax qualified:
                    // Outer.Inner: a nested type is named by its last part; the namespace parts name nothing of ours.
                    Add(ref names, qualified.Right);
                    return;
                case AliasQualifiedNameSyntax alias:
                    Add(ref names, alias.Name);
                    return;
                case ArrayTypeSyntax array:
                    Add(ref names, array.ElementType);
                    return;
                case NullableTypeSyntax nullable:
                    Add(ref names, nullable.ElementType);
                    return;
                case PointerTypeSyntax pointer:
                    Add(ref names, pointer.ElementType);
                    return;
                case RefTypeSyntax reference:
                    Add(ref names, reference.Type);
                    return;
                case TupleTypeSyntax tuple:
                    foreach (var element in tuple.Elements)
                    {
                        Add(ref names, element.Type);
                    }

                    return;
                case FunctionPointerTypeSyntax function:
                    foreach (var parameter in function.ParameterList.Parameters)
                    {
                        Add(ref names, parameter.Type);
                    }

                    return;
                case BaseParameterListSyntax parameters:
                    foreach (var parameter in parameters.Parameters)
                    {
                        Add(ref names, parameter.Type);
                    }

                    return;
                case BaseListSyntax bases:
                    foreach (var type in bases.Types)
                    {
                        Add(ref names, type.Type);
                    }

                    return;
                case TypeSyntax:
                    // Predefined types (string, int) and the rest name nothing of ours.
                    return;
                default:
                    // Anything else (a constant's initializer): every identifier in it.
                    foreach (var token in node.DescendantTokens())
                    {
                        if (token.IsKind(SyntaxKind.IdentifierToken))
                        {
                            (names ??= new List<string>()).Add(token.ValueText);
                        }
                    }

                    return;
            }
        }
    }
}
