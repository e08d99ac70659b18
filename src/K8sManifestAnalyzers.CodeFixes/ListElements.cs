using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K8sManifestAnalyzers.CodeFixes
{
    /// <summary>Removes one element from the list it is written in (KMA106, KMA119), keeping the layout.</summary>
    internal static class ListElements
    {
        /// <summary>Removes each of <paramref name="entries"/> (elements of lists of <paramref name="root"/>) in one pass.</summary>
        internal static SyntaxNode RemoveAll(SyntaxNode root, System.Collections.Generic.List<SyntaxNode> entries)
        {
            root = root.TrackNodes(entries);
            foreach (var entry in entries)
            {
                if (root.GetCurrentNode(entry) is { } current && FindList(current) is { } list)
                {
                    root = root.ReplaceNode(list, RemoveElement(list, current));
                }
            }

            return root;
        }

        // The collection expression, array or collection initializer the entry is an element of.
        // A brace-wrapped element (`{ { new() { … } } }`) is removed whole.
        internal static SyntaxNode? FindList(SyntaxNode entry) => entry.Parent switch
        {
            ExpressionElementSyntax { Parent: CollectionExpressionSyntax collection } => collection,
            InitializerExpressionSyntax complex when complex.IsKind(SyntaxKind.ComplexElementInitializerExpression) => null,
            InitializerExpressionSyntax initializer => initializer,
            _ => null,
        };

        internal static SyntaxNode RemoveElement(SyntaxNode list, SyntaxNode expression) => list switch
        {
            CollectionExpressionSyntax collection => collection.WithElements(Remove(collection.Elements, (CollectionElementSyntax)expression.Parent!)),
            InitializerExpressionSyntax initializer => initializer.WithExpressions(Remove(initializer.Expressions, (ExpressionSyntax)expression)),
            _ => list,
        };

        // Removes an element with one separator, keeping the layout: the next element takes the removed one's
        // leading trivia, or, for the last element, the previous one takes its trailing trivia.
        internal static SeparatedSyntaxList<T> Remove<T>(SeparatedSyntaxList<T> list, T element)
            where T : SyntaxNode
        {
            var items = list.GetWithSeparators();
            int position = items.IndexOf(element);
            if (position + 1 < items.Count)
            {
                items = items.RemoveAt(position + 1).RemoveAt(position);
                if (position < items.Count && items[position].AsNode() is { } next)
                {
                    items = items.Replace(next, next.WithLeadingTrivia(element.GetLeadingTrivia()));
                }
            }
            else if (position > 0)
            {
                items = items.RemoveAt(position).RemoveAt(position - 1);
                if (items[position - 2].AsNode() is { } previous)
                {
                    items = items.Replace(previous, previous.WithTrailingTrivia(element.GetTrailingTrivia()));
                }
            }
            else
            {
                items = items.RemoveAt(position);
            }

            return SyntaxFactory.SeparatedList<T>(items);
        }
    }
}
