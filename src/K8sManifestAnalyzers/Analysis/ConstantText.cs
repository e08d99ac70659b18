using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// A constant string of a body as KMA105 judges it: its text, whether it is the outermost constant, and where it is
    /// written. Read for every constant string of every body, so it is a struct and its <see cref="Location"/> is made
    /// only when asked for: a string that is not reported allocates nothing.
    /// </summary>
    internal readonly struct ConstantText
    {
        private readonly SyntaxTree _tree;
        private readonly TextSpan _span;

        internal ConstantText(string text, bool isOutermost, SyntaxTree tree, TextSpan span)
        {
            Text = text;
            IsOutermost = isOutermost;
            _tree = tree;
            _span = span;
        }

        /// <summary>The value: a string constant, or the text a UTF-8 literal (<c>"…"u8</c>) encodes.</summary>
        internal string Text { get; }

        /// <summary>
        /// False for a part of a larger constant: a literal inside a constant concatenation or interpolation, or a constant
        /// concatenation inside a longer one. The larger constant is read too, with the whole text.
        /// </summary>
        internal bool IsOutermost { get; }

        /// <summary>Where the constant is written: the whole literal, concatenation or interpolation.</summary>
        internal Location Location => Location.Create(_tree, _span);
    }
}
