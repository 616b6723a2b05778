using Ebm.Generators.Analysis;
using Ebm.Generators.Emit;
using Ebm.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ebm.Generators;

public sealed partial class EnergyModelGenerator
{
    /// <summary>
    /// Validates one [EnergyModel] class and builds its <see cref="ModelSpec"/>: the class and Energy's
    /// signature here, Energy's body in <c>EnergyModelGenerator.Parser.Body.cs</c>. It reports every
    /// problem it can find rather than stopping at the first, but never reads a body whose signature is
    /// broken, since every error there would be a consequence.
    /// </summary>
    private sealed partial class Parser
    {
        private readonly SemanticModel semanticModel;
        private readonly CancellationToken cancellationToken;
        private readonly DslTypes dsl;
        private readonly List<DiagnosticInfo> diagnostics = new();
        private readonly ShapeUnifier unifier = new();

        private Parser(SemanticModel semanticModel, DslTypes dsl, CancellationToken cancellationToken)
        {
            this.semanticModel = semanticModel;
            this.dsl = dsl;
            this.cancellationToken = cancellationToken;
        }

        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var syntax = (ClassDeclarationSyntax)context.TargetNode;
            var symbol = (INamedTypeSymbol)context.TargetSymbol;
            var parser = new Parser(context.SemanticModel, new DslTypes(context.SemanticModel.Compilation), cancellationToken);
            return parser.Parse(syntax, symbol);
        }

        private ParseResult Parse(ClassDeclarationSyntax syntax, INamedTypeSymbol symbol)
        {
            var containingTypes = ReadClass(syntax, symbol);
            var energy = FindEnergy(syntax, symbol);
            if (energy is null || !CheckSignature(energy.Value.Symbol, energy.Value.Syntax))
                return Failed();

            var inputs = ReadInputs(energy.Value.Symbol, energy.Value.Syntax);
            if (inputs is null)
                return Failed();

            var body = ReadBody(energy.Value.Syntax, inputs);
            if (body is null || diagnostics.Count > 0)
                return Failed();

            var sizes = unifier.Finish();
            var model = new ModelSpec(
                symbol.ContainingNamespace.IsGlobalNamespace ? null : symbol.ContainingNamespace.ToDisplayString(),
                containingTypes,
                symbol.Name,
                sizes.Names,
                inputs.Select(input => input with { Shape = sizes.Resolve(input.Shape) }).ToImmutableEquatableArray(),
                body.Value.Locals.Select(local => new LocalSpec(local.Name, Resolve(local.Value, sizes))).ToImmutableEquatableArray(),
                Resolve(body.Value.Result, sizes));
            // Structure analysis runs again in the emitter; here it only finds the binary groups to warn about.
            foreach (var (group, reason) in Structure.StructureAnalysis.Analyze(model).Unusable)
            {
                var parameter = energy.Value.Syntax.ParameterList.Parameters.First(p => p.Identifier.ValueText == group);
                Report(DiagnosticDescriptors.NoBinaryConditional, parameter.GetLocation(), group, reason);
            }
            return new ParseResult(model, diagnostics.ToImmutableEquatableArray());
        }

        private ParseResult Failed() => new(null, diagnostics.ToImmutableEquatableArray());

        private void Report(DiagnosticDescriptor descriptor, Location location, params string[] arguments) =>
            diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

        /// <summary>Checks the class and the types around it; returns those types, outermost first.</summary>
        private ImmutableEquatableArray<ContainingTypeSpec> ReadClass(ClassDeclarationSyntax syntax, INamedTypeSymbol symbol)
        {
            if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
                Report(DiagnosticDescriptors.NotPartial, syntax.Identifier.GetLocation(), symbol.Name);
            if (!symbol.IsStatic)
                Report(DiagnosticDescriptors.NotStatic, syntax.Identifier.GetLocation(), symbol.Name);
            if (syntax.TypeParameterList is not null)
                Report(DiagnosticDescriptors.Generic, syntax.Identifier.GetLocation(), symbol.Name);
            foreach (var member in symbol.GetMembers().Where(m => !m.IsImplicitlyDeclared && ModelNames.ClassMembers.Contains(m.Name)))
            {
                var location = member.Locations.FirstOrDefault(l => l.IsInSource);
                if (location is not null)
                    Report(DiagnosticDescriptors.ReservedMember, location, symbol.Name, member.Name, string.Join(", ", ModelNames.ClassMembers));
            }

            var containing = new List<ContainingTypeSpec>();
            for (var parent = syntax.Parent as TypeDeclarationSyntax; parent is not null; parent = parent.Parent as TypeDeclarationSyntax)
            {
                string name = parent.Identifier.ValueText;
                if (!parent.Modifiers.Any(SyntaxKind.PartialKeyword))
                    Report(DiagnosticDescriptors.NotPartial, parent.Identifier.GetLocation(), name);
                if (parent.TypeParameterList is not null)
                    Report(DiagnosticDescriptors.Generic, parent.Identifier.GetLocation(), name);
                string keyword = parent is RecordDeclarationSyntax record
                    ? record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record"
                    : parent.Keyword.ValueText;
                containing.Insert(0, new ContainingTypeSpec(keyword, name));
            }
            return containing.ToImmutableEquatableArray();
        }

        /// <summary>The single Energy method and its declaration with a body (the implementation of a partial method).</summary>
        private (IMethodSymbol Symbol, MethodDeclarationSyntax Syntax)? FindEnergy(ClassDeclarationSyntax syntax, INamedTypeSymbol symbol)
        {
            var energies = symbol.GetMembers("Energy").OfType<IMethodSymbol>().ToList();
            if (energies.Count == 0)
            {
                Report(DiagnosticDescriptors.MissingEnergy, syntax.Identifier.GetLocation(), symbol.Name);
                return null;
            }

            var declarations = energies
                .Select(energy => energy.PartialImplementationPart ?? energy)
                .Select(energy => (Symbol: energy, Syntax: energy.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<MethodDeclarationSyntax>().FirstOrDefault()))
                .Where(energy => energy.Syntax is not null)
                .ToList();
            if (declarations.Count == 0)
            {
                // Energy exists but not as a method declared in source (e.g. only in metadata): nothing to read.
                Report(DiagnosticDescriptors.MissingEnergy, syntax.Identifier.GetLocation(), symbol.Name);
                return null;
            }
            if (declarations.Count > 1)
            {
                foreach (var extra in declarations.Skip(1))
                    Report(DiagnosticDescriptors.EnergyOverloaded, extra.Syntax!.Identifier.GetLocation(), symbol.Name);
                return null;
            }
            return (declarations[0].Symbol, declarations[0].Syntax!);
        }

        private bool CheckSignature(IMethodSymbol energy, MethodDeclarationSyntax syntax)
        {
            int before = diagnostics.Count;
            if (!energy.IsStatic)
                Report(DiagnosticDescriptors.EnergySignature, syntax.Identifier.GetLocation(), "it is not static");
            if (!SymbolEqualityComparer.Default.Equals(energy.ReturnType, dsl.Scalar) || energy.ReturnsByRef || energy.ReturnsByRefReadonly)
                Report(DiagnosticDescriptors.EnergySignature, syntax.ReturnType.GetLocation(), $"it returns '{syntax.ReturnType}'");
            if (syntax.Body is null && syntax.ExpressionBody is null)
                Report(DiagnosticDescriptors.EnergySignature, syntax.Identifier.GetLocation(), "it has no body");
            if (energy.IsGenericMethod)
                Report(DiagnosticDescriptors.Generic, syntax.Identifier.GetLocation(), "Energy");
            return diagnostics.Count == before;
        }

        /// <summary>Reads each parameter's role and rank and gives it fresh symbolic sizes; null if any is invalid.</summary>
        private List<InputSpec>? ReadInputs(IMethodSymbol energy, MethodDeclarationSyntax syntax)
        {
            int before = diagnostics.Count;
            var inputs = new List<InputSpec>();
            for (int i = 0; i < energy.Parameters.Length; i++)
            {
                IParameterSymbol parameter = energy.Parameters[i];
                ParameterSyntax parameterSyntax = syntax.ParameterList.Parameters[i];
                Rank? rank = dsl.RankOf(parameter.Type);
                if (rank is null || parameter.RefKind != RefKind.None || parameter.IsParams || parameter.HasExplicitDefaultValue)
                {
                    Report(DiagnosticDescriptors.UnsupportedParameter, parameterSyntax.GetLocation(), parameter.Name, Declared(parameterSyntax));
                    continue;
                }

                bool isState = HasAttribute(parameter, dsl.StateAttribute);
                bool isBinary = HasAttribute(parameter, dsl.BinaryAttribute);
                bool isConst = HasAttribute(parameter, dsl.ConstAttribute);
                if ((isState && isBinary) || (isConst && (isState || isBinary)))
                {
                    var marks = new[] { (isState, "[State]"), (isBinary, "[Binary]"), (isConst, "[Const]") }.Where(m => m.Item1).Select(m => m.Item2);
                    Report(DiagnosticDescriptors.ConflictingRoles, parameterSyntax.Identifier.GetLocation(), parameter.Name, string.Join(" and ", marks));
                    continue;
                }
                if ((isState || isBinary) && rank != Rank.Vector)
                {
                    Report(DiagnosticDescriptors.StateNotVector, parameterSyntax.Type!.GetLocation(), parameter.Name, parameterSyntax.Type.ToString());
                    continue;
                }

                Role role = isState ? Role.ContinuousState : isBinary ? Role.BinaryState : isConst ? Role.Const : Role.Trainable;
                if (role is Role.Trainable or Role.Const && ModelNames.Reserved.Contains(parameter.Name))
                {
                    Report(DiagnosticDescriptors.ReservedName, parameterSyntax.Identifier.GetLocation(), parameter.Name, string.Join(", ", ModelNames.Reserved.OrderBy(n => n, StringComparer.Ordinal)));
                    continue;
                }
                Shape shape = rank switch
                {
                    Rank.Vector => Shape.Vector(unifier.NewSize(parameter.Name)),
                    Rank.Matrix => Shape.Matrix(unifier.NewSize(parameter.Name + "Rows"), unifier.NewSize(parameter.Name + "Cols")),
                    _ => Shape.Scalar,
                };
                if (role is Role.ContinuousState or Role.BinaryState
                    && inputs.FirstOrDefault(other => other.IsState && ModelNames.GroupSuffix(other.Name) == ModelNames.GroupSuffix(parameter.Name)) is { } clash)
                {
                    Report(DiagnosticDescriptors.GroupNameClash, parameterSyntax.Identifier.GetLocation(), parameter.Name, clash.Name, ModelNames.GroupSuffix(parameter.Name));
                    continue;
                }
                inputs.Add(new InputSpec(parameter.Name, role, shape));
            }

            if (diagnostics.Count > before)
                return null;
            if (!inputs.Any(input => input.IsState))
            {
                Report(DiagnosticDescriptors.NoState, syntax.Identifier.GetLocation(), energy.ContainingType.Name);
                return null;
            }
            return inputs;
        }

        private static string Declared(ParameterSyntax parameter) =>
            string.Join(" ", parameter.Modifiers.Select(m => m.Text).Append(parameter.Type?.ToString() ?? "?"));

        private static bool HasAttribute(IParameterSymbol parameter, INamedTypeSymbol? attribute) =>
            attribute is not null && parameter.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));

        /// <summary>Replaces unification variables by size indices throughout an expression.</summary>
        private static Expr Resolve(Expr expr, ShapeUnifier.Sizes sizes) => expr switch
        {
            ReferenceExpr reference => reference with { Shape = sizes.Resolve(reference.Shape) },
            NegateExpr negate => new NegateExpr(Resolve(negate.Operand, sizes)),
            BinaryExpr binary => new BinaryExpr(binary.Op, Resolve(binary.Left, sizes), Resolve(binary.Right, sizes), sizes.Resolve(binary.Shape)),
            CallExpr call => new CallExpr(call.Op, call.Arguments.Select(a => Resolve(a, sizes)).ToImmutableEquatableArray(), sizes.Resolve(call.Shape)),
            _ => expr,
        };
    }

    /// <summary>The Ebm.Dsl types as symbols of the compilation at hand (null where Ebm.Dsl is not referenced).</summary>
    private sealed class DslTypes(Compilation compilation)
    {
        public INamedTypeSymbol? Scalar { get; } = compilation.GetTypeByMetadataName("Ebm.Dsl.Scalar");

        public INamedTypeSymbol? Vec { get; } = compilation.GetTypeByMetadataName("Ebm.Dsl.Vec");

        public INamedTypeSymbol? Mat { get; } = compilation.GetTypeByMetadataName("Ebm.Dsl.Mat");

        public INamedTypeSymbol? Ops { get; } = compilation.GetTypeByMetadataName("Ebm.Dsl.Ops");

        public INamedTypeSymbol? StateAttribute { get; } = compilation.GetTypeByMetadataName("Ebm.Dsl.StateAttribute");

        public INamedTypeSymbol? BinaryAttribute { get; } = compilation.GetTypeByMetadataName("Ebm.Dsl.BinaryAttribute");

        public INamedTypeSymbol? ConstAttribute { get; } = compilation.GetTypeByMetadataName("Ebm.Dsl.ConstAttribute");

        public Rank? RankOf(ITypeSymbol? type) =>
            type is null ? null
            : SymbolEqualityComparer.Default.Equals(type, Scalar) ? Rank.Scalar
            : SymbolEqualityComparer.Default.Equals(type, Vec) ? Rank.Vector
            : SymbolEqualityComparer.Default.Equals(type, Mat) ? Rank.Matrix
            : null;
    }
}
