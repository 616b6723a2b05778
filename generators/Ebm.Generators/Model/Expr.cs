namespace Ebm.Generators.Model;

/// <summary>A node of the energy expression, typed with its <see cref="Model.Shape"/>.</summary>
internal abstract record Expr(Shape Shape);

/// <summary>A numeric literal.</summary>
internal sealed record ConstantExpr(double Value) : Expr(Shape.Scalar);

/// <summary>A parameter of Energy or a <c>var</c> local, by name.</summary>
internal sealed record ReferenceExpr(string Name, bool IsLocal, Shape Shape) : Expr(Shape);

/// <summary>Unary minus.</summary>
internal sealed record NegateExpr(Expr Operand) : Expr(Operand.Shape);

/// <summary>A binary operator.</summary>
internal sealed record BinaryExpr(BinaryOp Op, Expr Left, Expr Right, Shape Shape) : Expr(Shape);

/// <summary>A call of an Ops operation.</summary>
internal sealed record CallExpr(OpKind Op, ImmutableEquatableArray<Expr> Arguments, Shape Shape) : Expr(Shape);
