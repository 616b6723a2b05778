module Ebm.FSharp.Tests.ContractTests

open System
open Xunit
open Ebm
open Ebm.Models

// The generated models from F#, as an F# user writes them: named arguments for the factory, arrays where
// spans are expected, the contract through an upcast, and no wrapper anywhere.

let state (groups: float32[] list) : Collections.Generic.IReadOnlyList<ReadOnlyMemory<float32>> =
    groups |> List.map ReadOnlyMemory |> List.toArray :> _

[<Fact>]
let ``an RBM from F# gives the energy written out`` () =
    let p = BernoulliRbm.Parameters.Create(v = 3, h = 2, seed = 1UL)
    let theta = Array.init p.Layout.ParameterCount (fun i -> float32 i / 10.0f)
    let model = (BernoulliRbm.Create p).WithParameters theta :> IEnergyModel
    let v, h = [| 1.0f; 0.0f; 1.0f |], [| 0.0f; 1.0f |]
    // W = 0.0 … 0.5 row-major (3×2), b = 0.6 0.7 0.8, c = 0.9 1.0: E = −(0.6 + 0.8) − 1.0 − (W[0,1] + W[2,1]).
    let expected = -(0.6f + 0.8f) - 1.0f - (0.1f + 0.5f)
    Assert.Equal(expected, model.Energy(state [ v; h ]), 5)

[<Fact>]
let ``a contrastive-divergence gradient is two weighted accumulations into one array`` () =
    let model = GaussianMixture.Create(GaussianMixture.Parameters.Create(x = 2, meansRows = 3, sigma = 1.0f, seed = 7UL)) :> IEnergyModel
    let n = model.Layout.ParameterCount
    let gradientAt (x: float32[]) =
        let g = Array.zeroCreate<float32> n
        let one = [| 1.0f |]
        model.AccumulateParameterGradient(state [ x ], one, g)
        g
    // Weights are let-bound: F# converts a bound array to ReadOnlySpan, not an inline literal (FS0001).
    let dataWeights, sampleWeights = [| 0.5f; 0.5f |], [| -1.0f |]
    let gradient = Array.zeroCreate<float32> n
    model.AccumulateParameterGradient(state [ [| 0.5f; -0.5f; 1.0f; 0.0f |] ], dataWeights, gradient)
    model.AccumulateParameterGradient(state [ [| 0.1f; 0.2f |] ], sampleWeights, gradient)
    let expected =
        Array.map3 (fun a b c -> 0.5f * a + 0.5f * b - c) (gradientAt [| 0.5f; -0.5f |]) (gradientAt [| 1.0f; 0.0f |]) (gradientAt [| 0.1f; 0.2f |])
    Array.iter2 (fun (e: float32) (g: float32) -> Assert.Equal(e, g, 5)) expected gradient

[<Fact>]
let ``a Langevin-style step reads the score of a batch from F#`` () =
    let model = MlpEnergy.Create(MlpEnergy.Parameters.Create(x = 2, W1Rows = 4, W2Rows = 3, seed = 3UL)) :> IEnergyModel
    let x = [| 0.5f; -1.0f; 2.0f; 0.25f |]
    let grad = Array.zeroCreate<float32> x.Length
    let energies = Array.zeroCreate<float32> 2
    model.StateGradient(state [ x ], [| Memory grad |], energies)
    let single = Array.zeroCreate<float32> 2
    let e0 = model.StateGradient(state [ x.[0..1] ], [| Memory single |])
    Assert.Equal(e0, energies.[0], 5)
    Assert.Equal(single.[0], grad.[0], 5)
