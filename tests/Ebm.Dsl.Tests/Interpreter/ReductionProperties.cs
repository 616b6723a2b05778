using FsCheck.Xunit;

namespace Ebm.Dsl.Tests.Interpreter;

/// <summary>Reductions and softmax against sums written out over the arrays.</summary>
[Properties(Arbitrary = [typeof(DslArbitraries)], MaxTest = 200)]
public class ReductionProperties
{
    [Property]
    public void Sum_Dot_and_Norm2_are_the_sums_they_name(Operands o)
    {
        double sumA = 0, dot = 0, norm = 0, sumM = 0, normM = 0;
        for (int i = 0; i < o.Cols; i++)
        {
            sumA += o.A[i];
            dot += o.A[i] * o.B[i];
            norm += o.A[i] * o.A[i];
        }
        for (int i = 0; i < o.Rows; i++)
            for (int j = 0; j < o.Cols; j++)
            {
                sumM += o.M[i, j];
                normM += o.M[i, j] * o.M[i, j];
            }
        Close.Equal(sumA, Ops.Sum(new Vec(o.A)).Value);
        Close.Equal(dot, Ops.Dot(new Vec(o.A), new Vec(o.B)).Value);
        Close.Equal(norm, Ops.Norm2(new Vec(o.A)).Value);
        Close.Equal(sumM, Ops.Sum(new Mat(o.M)).Value);
        Close.Equal(normM, Ops.Norm2(new Mat(o.M)).Value);
    }

    [Property]
    public void RowSum_has_one_entry_per_row_and_ColSum_one_per_column(Operands o)
    {
        var rows = new double[o.Rows];
        var cols = new double[o.Cols];
        for (int i = 0; i < o.Rows; i++)
            for (int j = 0; j < o.Cols; j++)
            {
                rows[i] += o.M[i, j];
                cols[j] += o.M[i, j];
            }
        Close.Equal(rows, Ops.RowSum(new Mat(o.M)));
        Close.Equal(cols, Ops.ColSum(new Mat(o.M)));
    }

    [Property]
    public void LogSumExp_is_the_log_of_the_sum_of_exponentials(Operands o)
    {
        // Entries lie in [−5, 5], where the unshifted formula is exact enough; the empty sum's log is −∞.
        double expected = Math.Log(o.A.Sum(Math.Exp));
        Close.Equal(expected, Ops.LogSumExp(new Vec(o.A)).Value);
    }

    [Property]
    public void Softmax_and_Softmin_are_normalised_exponentials(Operands o)
    {
        double z = o.A.Sum(Math.Exp), zMinus = o.A.Sum(x => Math.Exp(-x));
        Close.Equal(o.A.Select(x => Math.Exp(x) / z).ToArray(), Ops.Softmax(new Vec(o.A)));
        Close.Equal(o.A.Select(x => Math.Exp(-x) / zMinus).ToArray(), Ops.Softmin(new Vec(o.A)));
    }
}
