using System.Globalization;
using Ebm.Generators.Analysis;
using Ebm.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ebm.Generators;

public sealed partial class EnergyModelGenerator
{
    // The body is read against an allow-list: each accepted syntax form is translated, each known
    // unsupported form gets its own diagnostic, and anything else falls to EBM0018 (statements) or
    // EBM0019 (expressions). A node that was rejected yields null and its parents report nothing more.
    private sealed partial class Parser
    {
        private readonly Dictionary<string, ReferenceExpr> scope = new(StringComparer.Ordinal);
        private SemanticModel bodyModel = null!;

        private (List<LocalSpec> Locals, Expr Result)? ReadBody(MethodDeclarationSyntax energy, List<InputSpec> inputs)
        {
            // Energy may sit in another part of the partial class than the attribute, so in another tree.
            bodyModel = energy.SyntaxTree == semanticModel.SyntaxTree
                ? semanticModel
                : semanticModel.Compilation.GetSemanticModel(energy.SyntaxTree);
            foreach (var input in inputs)
                scope[input.Name] = new ReferenceExpr(input.Name, IsLocal: false, input.Shape);

            var locals = new List<LocalSpec>();
            if (energy.ExpressionBody is { } arrow)
            {
                var value = Read(arrow.Expression);
                return value is null ? null : (locals, value);
            }

            Expr? result = null;
            bool returned = false;
            foreach (var statement in energy.Body!.Statements)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (returned)
                {
                    Report(DiagnosticDescriptors.UnsupportedStatement, statement.GetLocation(), "A statement after 'return'");
                    break;
                }
                switch (statement)
                {
                    case LocalDeclarationStatementSyntax declaration:
                        if (ReadLocal(declaration) is { } local)
                            locals.Add(local);
                        break;
                    case ReturnStatementSyntax { Expression: { } expression }:
                        returned = true;
                        result = Read(expression);
                        break;
                    default:
                        Reject(statement);
                        break;
                }
            }
            if (!returned)
                Report(DiagnosticDescriptors.UnsupportedStatement, energy.Identifier.GetLocation(), "A body without a final 'return' of the energy");
            return result is null ? null : (locals, result);
        }

        private LocalSpec? ReadLocal(LocalDeclarationStatementSyntax statement)
        {
            var declaration = statement.Declaration;
            if (statement.IsConst || statement.UsingKeyword != default || statement.AwaitKeyword != default)
            {
                Report(DiagnosticDescriptors.UnsupportedStatement, statement.GetLocation(), $"The '{statement.GetFirstToken().ValueText}' declaration");
                return null;
            }
            if (declaration.Variables.Count != 1 || declaration.Variables[0].Initializer is null)
            {
                Report(DiagnosticDescriptors.UnsupportedStatement, statement.GetLocation(), "A local that is not one 'var name = expression'");
                return null;
            }
            if (!declaration.Type.IsVar && dsl.RankOf(bodyModel.GetTypeInfo(declaration.Type, cancellationToken).Type) is null)
            {
                Report(DiagnosticDescriptors.UnsupportedStatement, declaration.Type.GetLocation(), $"A local of type '{declaration.Type}'");
                return null;
            }

            var variable = declaration.Variables[0];
            var value = Read(variable.Initializer!.Value);
            if (value is null)
                return null;
            string name = variable.Identifier.ValueText;
            scope[name] = new ReferenceExpr(name, IsLocal: true, value.Shape);
            return new LocalSpec(name, value);
        }

        private void Reject(StatementSyntax statement)
        {
            switch (statement)
            {
                case ForStatementSyntax loop:
                    Report(DiagnosticDescriptors.Loop, loop.ForKeyword.GetLocation(), "for");
                    break;
                case CommonForEachStatementSyntax loop:
                    Report(DiagnosticDescriptors.Loop, loop.ForEachKeyword.GetLocation(), "foreach");
                    break;
                case WhileStatementSyntax loop:
                    Report(DiagnosticDescriptors.Loop, loop.WhileKeyword.GetLocation(), "while");
                    break;
                case DoStatementSyntax loop:
                    Report(DiagnosticDescriptors.Loop, loop.DoKeyword.GetLocation(), "do");
                    break;
                case IfStatementSyntax branch:
                    Report(DiagnosticDescriptors.Branch, branch.IfKeyword.GetLocation(), "if");
                    break;
                case SwitchStatementSyntax branch:
                    Report(DiagnosticDescriptors.Branch, branch.SwitchKeyword.GetLocation(), "switch");
                    break;
                case ExpressionStatementSyntax { Expression: var expression } when IsAssignment(expression):
                    Report(DiagnosticDescriptors.Assignment, expression.GetLocation(), expression.ToString());
                    break;
                case LocalFunctionStatementSyntax function:
                    Report(DiagnosticDescriptors.Lambda, function.Identifier.GetLocation(), "local function");
                    break;
                case ReturnStatementSyntax:
                    Report(DiagnosticDescriptors.UnsupportedStatement, statement.GetLocation(), "A 'return' without a value");
                    break;
                case ExpressionStatementSyntax:
                    Report(DiagnosticDescriptors.UnsupportedStatement, statement.GetLocation(), "An expression statement");
                    break;
                case BlockSyntax:
                    Report(DiagnosticDescriptors.UnsupportedStatement, statement.GetLocation(), "A nested block");
                    break;
                default:
                    Report(DiagnosticDescriptors.UnsupportedStatement, statement.GetLocation(), $"A '{statement.GetFirstToken().ValueText}' statement");
                    break;
            }
        }

        private static bool IsAssignment(ExpressionSyntax expression) =>
            expression is AssignmentExpressionSyntax
            || expression.IsKind(SyntaxKind.PreIncrementExpression) || expression.IsKind(SyntaxKind.PreDecrementExpression)
            || expression.IsKind(SyntaxKind.PostIncrementExpression) || expression.IsKind(SyntaxKind.PostDecrementExpression);

        private Expr? Read(ExpressionSyntax expression)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return Read(parenthesized.Expression);
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression):
                    return new ConstantExpr(Convert.ToDouble(literal.Token.Value, CultureInfo.InvariantCulture));
                case IdentifierNameSyntax name:
                    return ReadName(name);
                case PrefixUnaryExpressionSyntax negation when negation.IsKind(SyntaxKind.UnaryMinusExpression):
                    return Read(negation.Operand) is { } operand ? new NegateExpr(operand) : null;
                case BinaryExpressionSyntax binary when binary.Kind() is SyntaxKind.AddExpression or SyntaxKind.SubtractExpression
                                                        or SyntaxKind.MultiplyExpression or SyntaxKind.DivideExpression:
                    return ReadBinary(binary);
                case InvocationExpressionSyntax invocation:
                    return ReadCall(invocation);
                case var _ when IsAssignment(expression):
                    Report(DiagnosticDescriptors.Assignment, expression.GetLocation(), expression.ToString());
                    return null;
                case ConditionalExpressionSyntax:
                    Report(DiagnosticDescriptors.Branch, expression.GetLocation(), "?:");
                    return null;
                case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression):
                    Report(DiagnosticDescriptors.Branch, coalesce.OperatorToken.GetLocation(), "??");
                    return null;
                case SwitchExpressionSyntax branch:
                    Report(DiagnosticDescriptors.Branch, branch.SwitchKeyword.GetLocation(), "switch");
                    return null;
                case LambdaExpressionSyntax:
                    Report(DiagnosticDescriptors.Lambda, expression.GetLocation(), "lambda expression");
                    return null;
                case AnonymousMethodExpressionSyntax:
                    Report(DiagnosticDescriptors.Lambda, expression.GetLocation(), "anonymous method");
                    return null;
                case MemberAccessExpressionSyntax access when bodyModel.GetSymbolInfo(access, cancellationToken).Symbol is IMethodSymbol:
                    Report(DiagnosticDescriptors.UnsupportedExpression, expression.GetLocation(), $"The method group '{access}'");
                    return null;
                case MemberAccessExpressionSyntax or ElementAccessExpressionSyntax or ConditionalAccessExpressionSyntax:
                    Report(DiagnosticDescriptors.MemberAccess, expression.GetLocation(), expression.ToString());
                    return null;
                case BinaryExpressionSyntax other:
                    Report(DiagnosticDescriptors.UnsupportedExpression, other.OperatorToken.GetLocation(), $"The '{other.OperatorToken.Text}' operator");
                    return null;
                case PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax:
                    Report(DiagnosticDescriptors.UnsupportedExpression, expression.GetLocation(), $"The unary operator in '{expression}'");
                    return null;
                case CastExpressionSyntax:
                    Report(DiagnosticDescriptors.UnsupportedExpression, expression.GetLocation(), $"The cast '{expression}'");
                    return null;
                default:
                    Report(DiagnosticDescriptors.UnsupportedExpression, expression.GetLocation(), $"The expression '{expression}'");
                    return null;
            }
        }

        private Expr? ReadName(IdentifierNameSyntax name)
        {
            string text = name.Identifier.ValueText;
            if (scope.TryGetValue(text, out var reference))
                return reference;
            switch (bodyModel.GetSymbolInfo(name, cancellationToken).Symbol)
            {
                case IFieldSymbol or IPropertySymbol or IEventSymbol:
                    Report(DiagnosticDescriptors.MemberAccess, name.GetLocation(), text);
                    break;
                case IMethodSymbol:
                    Report(DiagnosticDescriptors.UnsupportedExpression, name.GetLocation(), $"The method group '{text}'");
                    break;
                default:
                    Report(DiagnosticDescriptors.UnsupportedExpression, name.GetLocation(), $"The name '{text}', which is not a parameter of Energy or a 'var' local,");
                    break;
            }
            return null;
        }

        private Expr? ReadBinary(BinaryExpressionSyntax binary)
        {
            // Both sides are read so that errors in each are reported.
            var left = Read(binary.Left);
            var right = Read(binary.Right);
            if (left is null || right is null)
                return null;
            if (!ShapeRules.TryBinary(binary.OperatorToken.Text[0], left.Shape, right.Shape, unifier, out var op, out var shape, out var error))
            {
                Report(DiagnosticDescriptors.ShapeConflict, binary.GetLocation(), binary.ToString(), error);
                return null;
            }
            return new BinaryExpr(op, left, right, shape);
        }

        private Expr? ReadCall(InvocationExpressionSyntax invocation)
        {
            if (ResolveOp(invocation) is not { } op)
                return null;

            var arguments = new List<Expr>();
            bool valid = true;
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (argument.NameColon is not null || argument.RefKindKeyword != default)
                {
                    Report(DiagnosticDescriptors.UnsupportedExpression, argument.GetLocation(), $"The argument '{argument}' (named or by reference)");
                    valid = false;
                    continue;
                }
                if (Read(argument.Expression) is { } value)
                    arguments.Add(value);
                else
                    valid = false;
            }
            if (!valid)
                return null;
            if (!ShapeRules.TryCall(op, arguments.Select(a => a.Shape).ToList(), unifier, out var shape, out var error))
            {
                Report(DiagnosticDescriptors.ShapeConflict, invocation.GetLocation(), invocation.ToString(), error);
                return null;
            }
            return new CallExpr(op, arguments.ToImmutableEquatableArray(), shape);
        }

        /// <summary>
        /// The Ops operation an invocation calls, or null after reporting why it is not one. When the call
        /// does not bind (wrong arguments, or no such method) the name decides, so that the compiler's own
        /// error is joined by ours rather than replaced by a misleading one.
        /// </summary>
        private OpKind? ResolveOp(InvocationExpressionSyntax invocation)
        {
            var callee = invocation.Expression;
            var info = bodyModel.GetSymbolInfo(invocation, cancellationToken);
            var method = info.Symbol as IMethodSymbol ?? info.CandidateSymbols.OfType<IMethodSymbol>().FirstOrDefault();
            if (method is not null)
            {
                if (!SymbolEqualityComparer.Default.Equals(method.ContainingType, dsl.Ops))
                {
                    Report(DiagnosticDescriptors.CallOutsideOps, callee.GetLocation(), $"{method.ContainingType?.Name}.{method.Name}");
                    return null;
                }
                if (!OpTable.TryGet(method.Name, out var known))
                {
                    Report(DiagnosticDescriptors.UnknownOp, callee.GetLocation(), method.Name);
                    return null;
                }
                return known;
            }

            SimpleNameSyntax? name = callee switch
            {
                SimpleNameSyntax simple => simple,
                MemberAccessExpressionSyntax access when SymbolEqualityComparer.Default.Equals(
                    bodyModel.GetSymbolInfo(access.Expression, cancellationToken).Symbol, dsl.Ops) => access.Name,
                _ => null,
            };
            if (name is null)
            {
                Report(DiagnosticDescriptors.CallOutsideOps, callee.GetLocation(), callee.ToString());
                return null;
            }
            if (!OpTable.TryGet(name.Identifier.ValueText, out var op))
            {
                Report(DiagnosticDescriptors.UnknownOp, callee.GetLocation(), name.Identifier.ValueText);
                return null;
            }
            return op;
        }
    }
}
