using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;
using Xunit;

namespace K8sManifestAnalyzers.Tests;

/// <summary>
/// The rules read only the manifest model, and the model does not know Roslyn's operations, syntax nodes, symbols or
/// compilations: a front-end (the C# reader today) turns those into the model, so that another front-end can give the
/// rules the same model. Checked on the model types' members and on the rule files' text.
/// </summary>
public sealed class ModelBoundaryTests
{
    // The model's value, container and fact types: what front-ends make and rules read.
    private static readonly Type[] ModelTypes =
    {
        typeof(ManifestValue), typeof(ValueState), typeof(ContainerModel), typeof(BlockContainers), typeof(ContainerProperty),
        typeof(ValueSite), typeof(K8sManifestAnalyzers.Analysis.CallSite), typeof(PossibleValue), typeof(PossibleValues), typeof(PartialValue),
        typeof(ValueScenario), typeof(ValueTest), typeof(ValueLocation),
        typeof(EnvEntry), typeof(EnvValueRow), typeof(EnvironmentFacts),
        typeof(PullSecretList), typeof(PullSecretListEntry), typeof(PullSecretAdd), typeof(PullSecretListFacts),
        typeof(ConstantText), typeof(SecretPayload), typeof(TagOrDigestCall), typeof(TagOrDigestArgument), typeof(MemberConflict),

        // What the compilation-end rules read: the indexes over the collected facts.
        typeof(PullSecretIndex), typeof(ConfigObjectIndex), typeof(ServiceAccountIndex),
    };

    // Names a rule file must not use: operations, syntax nodes, symbols, the semantic model and the compilation, and
    // the C# reader's own doors to them.
    private static readonly Regex RoslynReading = new(
        @"\bIOperation\b|\bI\w+Operation\b|\bOperationKind\b|Microsoft\.CodeAnalysis\.Operations|Microsoft\.CodeAnalysis\.CSharp\.Syntax"
        + @"|\bSyntaxNode\b|\.Syntax\b|\.SyntaxTrees\b|\bI\w*Symbol\b|\bSemanticModel\b|\bCompilation\b|\bcompilation\.|\bOperationSite\b|\bOperationValues\b",
        RegexOptions.Compiled);

    [Fact]
    public void Model_types_hold_and_take_no_Roslyn_operation_syntax_node_or_symbol()
    {
        var found = new List<string>();
        foreach (var type in ModelTypes)
        {
            const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            foreach (var field in type.GetFields(all))
            {
                Check(type, field.Name, field.FieldType, found);
            }

            foreach (var property in type.GetProperties(all))
            {
                Check(type, property.Name, property.PropertyType, found);
            }

            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                Check(type, method.Name + " result", (method as MethodInfo)?.ReturnType ?? typeof(void), found);
                foreach (var parameter in method.GetParameters())
                {
                    Check(type, method.Name + "(" + parameter.Name + ")", parameter.ParameterType, found);
                }
            }
        }

        Assert.True(found.Count == 0, "Model members that know Roslyn's reading:\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_check_sees_an_operation_in_a_signature()
    {
        // The reader's own site holds one: the check above would name it.
        var found = new List<string>();
        Check(typeof(OperationSite), nameof(OperationSite.Operation), typeof(OperationSite).GetProperty(nameof(OperationSite.Operation), BindingFlags.Instance | BindingFlags.NonPublic)!.PropertyType, found);
        Check(typeof(object), "list", typeof(List<IOperation>), found);
        Check(typeof(object), "node", typeof(Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax), found);
        Check(typeof(object), "symbol", typeof(IMethodSymbol), found);
        Check(typeof(object), "location", typeof(Location), found);
        Assert.Equal(4, found.Count);
    }

    [Fact]
    public void Rule_files_read_only_the_model()
    {
        string rules = Path.Combine(RepositoryRoot(), "src", "K8sManifestAnalyzers", "Rules");
        var found = new List<string>();
        foreach (var file in Directory.GetFiles(rules, "*.cs"))
        {
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                string code = StripComment(lines[i]);
                if (RoslynReading.Match(code) is { Success: true } match)
                {
                    found.Add($"{Path.GetFileName(file)}({i + 1}): {match.Value}");
                }
            }
        }

        Assert.NotEmpty(Directory.GetFiles(rules, "*Rule.cs"));
        Assert.True(found.Count == 0, "Rule files that read Roslyn's operations, syntax or symbols:\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("if (operation is IInvocationOperation call)")]
    [InlineData("var origin = constant.Origin.Syntax;")]
    [InlineData("using Microsoft.CodeAnalysis.Operations;")]
    [InlineData("ISymbol symbol = context.ContainingSymbol;")]
    [InlineData("foreach (var tree in compilation.SyntaxTrees)")]
    [InlineData("var op = OperationValues.OperationOf(value);")]
    public void The_rule_file_check_sees_Roslyn_reading(string line) =>
        Assert.Matches(RoslynReading, StripComment(line));

    [Theory]
    [InlineData("report(Diagnostic.Create(Descriptors.KMA001_MissingPullPolicy, container.At, properties, stored));")]
    [InlineData("var tags = ManifestOptions.MutableTags(options, call.Location);")]
    [InlineData("// reads IOperation in the reader, not here")]
    public void The_rule_file_check_lets_model_reading_through(string line) =>
        Assert.DoesNotMatch(RoslynReading, StripComment(line));

    private static void Check(Type owner, string member, Type type, List<string> found)
    {
        if (KnowsRoslynReading(type))
        {
            found.Add($"{owner.Name}.{member}: {type}");
        }
    }

    private static bool KnowsRoslynReading(Type type)
    {
        if (type.HasElementType)
        {
            return KnowsRoslynReading(type.GetElementType()!);
        }

        if (type.IsGenericType && type.GetGenericArguments().Any(KnowsRoslynReading))
        {
            return true;
        }

        return typeof(IOperation).IsAssignableFrom(type)
            || typeof(SyntaxNode).IsAssignableFrom(type)
            || typeof(ISymbol).IsAssignableFrom(type)
            || typeof(SemanticModel).IsAssignableFrom(type)
            || typeof(Compilation).IsAssignableFrom(type)
            || type.Namespace == "Microsoft.CodeAnalysis.Operations"
            || type == typeof(OperationSite);
    }

    // The code of a line, without a `//` comment (a URL in a string is not a comment; rule files have none).
    private static string StripComment(string line)
    {
        int comment = line.IndexOf("//", StringComparison.Ordinal);
        return comment < 0 || (comment > 0 && line[comment - 1] == ':') ? line : line.Substring(0, comment);
    }

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
