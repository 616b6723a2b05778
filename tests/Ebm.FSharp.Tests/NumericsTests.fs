module Ebm.FSharp.Tests.NumericsTests

open System
open Xunit
open FsCheck
open FsCheck.FSharp
open FsCheck.Xunit
open Ebm.Numerics
open Ebm.LinearAlgebra

// Arrays pass where the API takes ReadOnlySpan/Span: F# applies the implicit conversions at method calls.

[<Fact>]
let ``softmax of the lecture example from F#`` () =
    let p = StableMath.Softmax [| 1.3; 7.2; 2.4; 0.5; 1.1 |]
    Assert.Equal<float[]>([| 0.0027; 0.9858; 0.0081; 0.0012; 0.0022 |], p |> Array.map (fun v -> Math.Round(v, 4)))

[<Fact>]
let ``softmin at a temperature is the Boltzmann distribution of energies`` () =
    let energies = [| 1.0; 2.0; 3.0 |]
    let t = 0.5
    let weights = energies |> Array.map (fun e -> exp (-e / t))
    let z = Array.sum weights
    let p = StableMath.Softmin(energies, t)
    Array.iter2 (fun (w: float) (q: float) -> Assert.Equal(w / z, q, 12)) weights p

[<Fact>]
let ``destination overloads write into F# arrays`` () =
    let x = [| -2.0f; 0.0f; 3.0f |]
    let y = Array.zeroCreate<float32> x.Length
    StableMath.Sigmoid(x, y)
    Assert.Equal(0.5f, y.[1])
    StableMath.Softmax(x, y, 1.0f)
    Assert.Equal(1.0, y |> Array.sumBy float, 6)

[<Fact>]
let ``gemm multiplies F# arrays`` () =
    // [1 2; 3 4] · [5 6; 7 8] = [19 22; 43 50]
    // An array literal written inline where a method has a single overload is typed against
    // ReadOnlySpan first and rejected (FS0001); a let-bound array converts.
    let a = [| 1.0f; 2.0f; 3.0f; 4.0f |]
    let b = [| 5.0f; 6.0f; 7.0f; 8.0f |]
    let c = Array.zeroCreate<float32> 4
    Blas.Gemm(Transpose.No, Transpose.No, 2, 2, 2, 1.0f, a, b, 0.0f, c)
    Assert.Equal<float32[]>([| 19.0f; 22.0f; 43.0f; 50.0f |], c)

let finiteVectors =
    Gen.choose (-1_000_000, 1_000_000)
    |> Gen.map (fun i -> float i / 1000.0)
    |> Gen.arrayOf
    |> Gen.filter (fun a -> a.Length > 0)
    |> Arb.fromGen

[<Property>]
let ``logsumexp lies between max and max + ln n`` () =
    Prop.forAll finiteVectors (fun x ->
        let lse = StableMath.LogSumExp x
        let m = Array.max x
        lse >= m && lse <= m + log (float x.Length) + 1e-9)
