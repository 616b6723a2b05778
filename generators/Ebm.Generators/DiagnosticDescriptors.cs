using Microsoft.CodeAnalysis;

namespace Ebm.Generators;

/// <summary>
/// Every diagnostic the generator reports, catalogued with cause and fix in specs/diagnostics.md.
/// Each message says what is wrong and, in its last sentence, how to fix it. All are errors: a model
/// with any of them gets no generated code.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Ebm";

    /// <summary>The model class, or a type containing it, is not partial.</summary>
    public static DiagnosticDescriptor NotPartial { get; } = new DiagnosticDescriptor(
        "EBM0001",
        "Energy model types must be partial",
        "'{0}' must be declared partial so that the generator can add the energy model's members. Add the partial modifier to its declaration.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>The model class is not static.</summary>
    public static DiagnosticDescriptor NotStatic { get; } = new DiagnosticDescriptor(
        "EBM0002",
        "Energy model classes must be static",
        "The energy model '{0}' must be a static class. Declare it as 'static partial class {0}'.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>The model class, a type containing it, or Energy has type parameters.</summary>
    public static DiagnosticDescriptor Generic { get; } = new DiagnosticDescriptor(
        "EBM0003",
        "Energy models cannot be generic",
        "'{0}' has type parameters, which an energy model cannot have. Remove the type parameters, or declare the model outside the generic type.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>No method named Energy.</summary>
    public static DiagnosticDescriptor MissingEnergy { get; } = new DiagnosticDescriptor(
        "EBM0004",
        "Energy model has no Energy method",
        "The energy model '{0}' declares no method named Energy. Add 'public static Scalar Energy(...)' taking the model's states and parameters.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>More than one method named Energy.</summary>
    public static DiagnosticDescriptor EnergyOverloaded { get; } = new DiagnosticDescriptor(
        "EBM0005",
        "Energy is declared more than once",
        "The energy model '{0}' declares Energy more than once. Keep a single Energy method: a model has exactly one energy.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Energy is not static, does not return Scalar, or has no body.</summary>
    public static DiagnosticDescriptor EnergySignature { get; } = new DiagnosticDescriptor(
        "EBM0006",
        "Energy must be a static method returning Scalar",
        "Energy must be a static method with a body that returns Ebm.Dsl.Scalar, but {0}. Declare it as 'public static Scalar Energy(...)'.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>A parameter of Energy is not a plain Scalar, Vec or Mat.</summary>
    public static DiagnosticDescriptor UnsupportedParameter { get; } = new DiagnosticDescriptor(
        "EBM0007",
        "Energy parameter of an unsupported type",
        "Parameter '{0}' of Energy is declared as '{1}', but the DSL accepts only Scalar, Vec and Mat passed by value. Declare it as Scalar, Vec or Mat without ref, out, in, params or a default value.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>A [State] or [Binary] parameter is not a Vec.</summary>
    public static DiagnosticDescriptor StateNotVector { get; } = new DiagnosticDescriptor(
        "EBM0008",
        "State groups must be vectors",
        "State '{0}' is declared as '{1}', but a state group must be a Vec. Declare it as Vec, or remove [State]/[Binary] to make it a parameter.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Role attributes that exclude each other on one parameter.</summary>
    public static DiagnosticDescriptor ConflictingRoles { get; } = new DiagnosticDescriptor(
        "EBM0009",
        "Conflicting role attributes",
        "Parameter '{0}' is marked {1}, which exclude each other. Mark a state with either [State] or [Binary], and use [Const] only on parameters that are not states.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Energy has no [State] or [Binary] parameter.</summary>
    public static DiagnosticDescriptor NoState { get; } = new DiagnosticDescriptor(
        "EBM0010",
        "Energy has no state",
        "Energy of '{0}' has no state group, so there is nothing to sample. Mark at least one Vec parameter with [State] (continuous) or [Binary] (units in {{0, 1}}).",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>for, foreach, while or do in the body.</summary>
    public static DiagnosticDescriptor Loop { get; } = new DiagnosticDescriptor(
        "EBM0011",
        "Loops are not supported in an energy",
        "A '{0}' loop is not supported in an energy. Write the computation with the Ops reductions (Sum, Dot, Norm2, RowSum, ColSum, LogSumExp) instead.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>if, switch, ?:, ?? or a switch expression in the body.</summary>
    public static DiagnosticDescriptor Branch { get; } = new DiagnosticDescriptor(
        "EBM0012",
        "Branches are not supported in an energy",
        "A '{0}' branch is not supported in an energy: the energy must be one smooth expression. Express the choice with Ops (for example Sigmoid or Softmax weights), or declare separate models.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>An assignment, compound assignment, increment or decrement in the body.</summary>
    public static DiagnosticDescriptor Assignment { get; } = new DiagnosticDescriptor(
        "EBM0013",
        "Assignments are not supported in an energy",
        "The assignment '{0}' is not supported in an energy. Give each intermediate value its own 'var' local instead of changing an existing one.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>A lambda, anonymous method or local function in the body.</summary>
    public static DiagnosticDescriptor Lambda { get; } = new DiagnosticDescriptor(
        "EBM0014",
        "Lambdas and local functions are not supported in an energy",
        "A {0} is not supported in an energy. Write the expression inline, naming intermediate values with 'var' locals.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>A call of a method that is not in Ebm.Dsl.Ops.</summary>
    public static DiagnosticDescriptor CallOutsideOps { get; } = new DiagnosticDescriptor(
        "EBM0015",
        "Only Ops may be called in an energy",
        "'{0}' is not an operation of Ebm.Dsl.Ops, and an energy may call only Ops. Use the matching Ops operation (specs/dsl.md lists them), or compute the value outside and pass it as a [Const] parameter.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>A field, property or indexer read in the body.</summary>
    public static DiagnosticDescriptor MemberAccess { get; } = new DiagnosticDescriptor(
        "EBM0016",
        "Fields, properties and indexers are not supported in an energy",
        "'{0}' reads a field, property or indexer, but an energy may use only its parameters, 'var' locals and literals. Pass the value as a parameter of Energy (marked [Const] if it is not trained).",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>A call of an Ops member the generator does not know.</summary>
    public static DiagnosticDescriptor UnknownOp { get; } = new DiagnosticDescriptor(
        "EBM0017",
        "Unknown Ops operation",
        "Ops has no operation '{0}' that the generator supports. Use one of the operations listed in specs/dsl.md.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>A statement other than a var local declaration or the final return.</summary>
    public static DiagnosticDescriptor UnsupportedStatement { get; } = new DiagnosticDescriptor(
        "EBM0018",
        "Unsupported statement in an energy",
        "{0} is not supported in an energy, whose body is 'var' locals followed by one 'return'. Write the body as 'var name = expression;' lines and a final 'return expression;'.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>An expression form outside the allow-list (casts, object creation, other operators, ...).</summary>
    public static DiagnosticDescriptor UnsupportedExpression { get; } = new DiagnosticDescriptor(
        "EBM0019",
        "Unsupported expression in an energy",
        "{0} is not supported in an energy expression. Use only parameters, 'var' locals, numeric literals, + - * /, unary -, and calls of Ops operations.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Operands whose ranks no DSL rule combines.</summary>
    public static DiagnosticDescriptor ShapeConflict { get; } = new DiagnosticDescriptor(
        "EBM0020",
        "Shape conflict",
        "The shapes in '{0}' do not agree: {1}. Change the operands to fit the shape rules of specs/dsl.md.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>A parameter named like a member that the generated Parameters record declares itself.</summary>
    public static DiagnosticDescriptor ReservedName { get; } = new DiagnosticDescriptor(
        "EBM0021",
        "Parameter name reserved by the generated code",
        "The parameter '{0}' would become a member of the generated Parameters record, which already has a member of that name. Rename the parameter; these names are reserved: {1}.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>The model class declares a member the generator declares too.</summary>
    public static DiagnosticDescriptor ReservedMember { get; } = new DiagnosticDescriptor(
        "EBM0022",
        "Member name reserved in an energy model class",
        "The energy model '{0}' declares a member named '{1}', which the generator declares in every model class. Rename or remove it; these names are reserved: {2}.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>A [Binary] group in which the energy is not even quadratic, so it has no conditional logits and no Gibbs block.</summary>
    public static DiagnosticDescriptor NoBinaryConditional { get; } = new DiagnosticDescriptor(
        "EBM0023",
        "Binary group without a usable conditional",
        "The [Binary] group '{0}' has no conditional logits: {1}. The model is generated, but Gibbs sampling cannot update '{0}'. Let '{0}' enter only through sums and products of degree two or less (Dot, Mat * Vec, elementwise products), or declare it [State].",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    /// <summary>Two state groups whose names differ only in the case of the first letter, which the generated method names cannot tell apart.</summary>
    public static DiagnosticDescriptor GroupNameClash { get; } = new DiagnosticDescriptor(
        "EBM0024",
        "State group names that differ only in their first letter's case",
        "The state group '{0}' and the state group '{1}' would both name generated methods with '{2}' (ConditionalLogits{2}, FreeEnergy{2}, GaussianConditional{2}). Rename one of them.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
