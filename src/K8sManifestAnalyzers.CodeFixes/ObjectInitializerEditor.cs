using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K8sManifestAnalyzers.CodeFixes
{
    /// <summary>
    /// Adds a member to an object creation the way a person would type it: into the existing initializer, on its own
    /// line when the initializer is laid out one member a line, after a given member when asked, or as a new
    /// initializer when there is none.
    /// </summary>
    internal static class ObjectInitializerEditor
    {
        /// <summary>
        /// <paramref name="creation"/> with <paramref name="member"/> added to its initializer, after the member
        /// <paramref name="after"/> when that is given and found, else at the end.
        /// </summary>
        internal static BaseObjectCreationExpressionSyntax AddMember(
            BaseObjectCreationExpressionSyntax creation,
            ExpressionSyntax member,
            ExpressionSyntax? after = null)
        {
            var initializer = creation.Initializer;
            if (initializer is null)
            {
                var created = SyntaxFactory.InitializerExpression(
                    SyntaxKind.ObjectInitializerExpression,
                    SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(SyntaxFactory.Space),
                    SyntaxFactory.SingletonSeparatedList(member.WithoutTrivia()),
                    SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Space));
                return creation
                    .WithoutTrailingTrivia()
                    .WithInitializer(created.WithLeadingTrivia(SyntaxFactory.Space))
                    .WithTrailingTrivia(creation.GetTrailingTrivia());
            }

            return creation.WithInitializer(AddMember(initializer, member, after));
        }

        private static InitializerExpressionSyntax AddMember(InitializerExpressionSyntax initializer, ExpressionSyntax member, ExpressionSyntax? after)
        {
            var expressions = initializer.Expressions;
            if (expressions.Count == 0)
            {
                return initializer
                    .WithOpenBraceToken(initializer.OpenBraceToken.WithTrailingTrivia(SyntaxFactory.Space))
                    .WithExpressions(SyntaxFactory.SingletonSeparatedList(member.WithoutTrivia()))
                    .WithCloseBraceToken(initializer.CloseBraceToken.WithLeadingTrivia(SyntaxFactory.Space));
            }

            int index = after is null ? -1 : expressions.IndexOf(after);
            if (index < 0)
            {
                index = expressions.Count - 1;
            }

            var neighbour = expressions[index];
            var newMember = member.WithoutTrivia().WithLeadingTrivia(neighbour.GetLeadingTrivia());
            var nodesAndTokens = expressions.GetWithSeparators();
            int neighbourPosition = nodesAndTokens.IndexOf(neighbour);

            if (neighbourPosition + 1 < nodesAndTokens.Count)
            {
                // neighbour, separator, [new member, separator like the neighbour's], rest...
                var separator = nodesAndTokens[neighbourPosition + 1].AsToken();
                var newSeparator = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(separator.TrailingTrivia);
                bool isLast = neighbourPosition + 2 >= nodesAndTokens.Count;
                var inserted = nodesAndTokens.InsertRange(
                    neighbourPosition + 2,
                    isLast ? new SyntaxNodeOrToken[] { newMember } : new SyntaxNodeOrToken[] { newMember, newSeparator });
                if (isLast)
                {
                    // Keep a trailing comma after the last member when the code had one.
                    inserted = inserted.Add(newSeparator);
                }

                return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(inserted));
            }

            // The neighbour is the last member and has no comma: it gives its trailing trivia to the new member.
            var trailing = neighbour.GetTrailingTrivia();
            var replaced = nodesAndTokens
                .Replace(neighbour, neighbour.WithoutTrailingTrivia())
                .Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SeparatorTrivia(initializer, trailing)))
                .Add(newMember.WithTrailingTrivia(trailing));
            return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(replaced));
        }

        // After a new comma: a line break when members sit one a line, else one space.
        private static SyntaxTriviaList SeparatorTrivia(InitializerExpressionSyntax initializer, SyntaxTriviaList neighbourTrailing)
        {
            foreach (var trivia in neighbourTrailing)
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return SyntaxFactory.TriviaList(trivia);
                }
            }

            foreach (var trivia in initializer.OpenBraceToken.TrailingTrivia)
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return SyntaxFactory.TriviaList(trivia);
                }
            }

            return SyntaxFactory.TriviaList(SyntaxFactory.Space);
        }
    }
}
