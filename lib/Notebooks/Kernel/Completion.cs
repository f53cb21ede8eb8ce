using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Notebooks.Engine;

namespace Notebooks.Kernel;

/// <summary>Editor services for the kernel, from Roslyn's semantic model of the cell on top of the session's state.</summary>
public static partial class Completion
{
    private static (SemanticModel Model, SyntaxTree Tree) Analyze(CSharpSession session, string code)
    {
        var options = session.ScriptOptions("completion");
        var script = session.State is null ? CSharpScript.Create(code, options, typeof(CellGlobals)) : session.State.Script.ContinueWith(code, options);
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Last();
        return (compilation.GetSemanticModel(tree), tree);
    }

    /// <summary>Members after a '.', otherwise the symbols in scope (locals, globals, types, keywords not included), matching the word at the cursor.</summary>
    public static (int Start, int End, IReadOnlyList<string> Matches) Complete(CSharpSession session, string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_')) start--;
        var prefix = code[start..cursor];
        var (model, tree) = Analyze(session, code);
        IEnumerable<ISymbol> symbols;
        if (start > 0 && code[start - 1] == '.')
        {
            var dot = tree.GetRoot().FindToken(start - 1);
            var target = dot.Parent switch
            {
                MemberAccessExpressionSyntax access => access.Expression,
                QualifiedNameSyntax name => (ExpressionSyntax)name.Left,
                _ => null,
            };
            if (target is null) return (start, cursor, []);
            var symbol = model.GetSymbolInfo(target).Symbol;
            if (symbol is INamespaceOrTypeSymbol container and not ITypeSymbol { TypeKind: TypeKind.Error })
                symbols = model.LookupSymbols(start, container).Where(s => s.IsStatic || s is INamespaceOrTypeSymbol);
            else if (model.GetTypeInfo(target).Type is { } type)
                symbols = model.LookupSymbols(start, type, includeReducedExtensionMethods: true).Where(s => !s.IsStatic);
            else
                symbols = [];
        }
        else
        {
            symbols = model.LookupSymbols(start);
        }
        var matches = symbols
            .Where(s => s.CanBeReferencedByName && s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Name).Distinct(StringComparer.Ordinal)
            .OrderBy(n => !n.StartsWith(prefix, StringComparison.Ordinal)).ThenBy(n => n, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return (start, cursor, matches);
    }

    /// <summary>The signature and documentation of the symbol at the cursor, or null.</summary>
    public static string? Inspect(CSharpSession session, string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var (model, tree) = Analyze(session, code);
        var token = tree.GetRoot().FindToken(Math.Max(0, cursor > 0 && (cursor == code.Length || !char.IsLetterOrDigit(code[cursor])) ? cursor - 1 : cursor));
        var node = token.Parent;
        while (node is not null and not ExpressionSyntax and not TypeSyntax) node = node.Parent;
        if (node is null) return null;
        var info = model.GetSymbolInfo(node);
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault() ?? model.GetDeclaredSymbol(node);
        if (symbol is null) return null;
        var text = symbol.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        var xml = symbol.GetDocumentationCommentXml();
        if (!string.IsNullOrWhiteSpace(xml))
        {
            var summary = Summary().Match(xml);
            if (summary.Success) text += "\n\n" + Whitespace().Replace(Tags().Replace(summary.Groups[1].Value, m => m.Groups["name"].Success ? m.Groups["name"].Value[(m.Groups["name"].Value.IndexOf(':') + 1)..].Split('.').Last() : ""), " ").Trim();
        }
        return text;
    }

    /// <summary>"complete" when the code is a whole submission, else "incomplete" (an open brace, string or statement).</summary>
    public static string IsComplete(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Latest));
        return SyntaxFactory.IsCompleteSubmission(tree) ? "complete" : "incomplete";
    }

    [GeneratedRegex(@"<summary>(.*?)</summary>", RegexOptions.Singleline)]
    private static partial Regex Summary();

    [GeneratedRegex(@"<[^>]*?(?:cref|name)=""(?<name>[^""]*)""[^>]*/?>|<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
