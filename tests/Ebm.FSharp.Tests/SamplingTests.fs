module Ebm.FSharp.Tests.SamplingTests

open System
open Xunit
open Ebm
open Ebm.Models
open Ebm.Sampling
open Ebm.ScoreMatching
open Ebm.Training
open Ebm.Data

// Sampling, score matching and training from F# through the public API, as an F# user writes them: no wrapper.

/// One Gaussian component at μ with σ = 1: E(x) = ‖x − μ‖²/2 + const.
let private gaussianAt (mu: float32[]) =
    let p = GaussianMixture.Parameters.Create(x = 2, meansRows = 1, sigma = 1.0f, seed = 1UL)
    // Bound first: F# converts a let-bound array to ReadOnlySpan, not an expression (FS0001).
    let vector = Array.append mu [| 0.0f |]
    GaussianMixture.Create(p.WithVector vector)

[<Fact>]
let ``MALA chains from F# settle around the mean`` () =
    let model = gaussianAt [| 2.0f; -1.0f |]
    let chains = 2000
    let start = Array.zeroCreate<float32> (chains * 2)
    // A list of the groups' states: an F# array of ReadOnlyMemory, each made from an array.
    let result = Langevin.Mala(model, [| ReadOnlyMemory start |], LangevinOptions(0.2f, 300, 7UL))
    let x = result.States.[0]
    let mean k = Seq.init chains (fun c -> float x.[2 * c + k]) |> Seq.average
    Assert.Equal(2.0, mean 0, 1)
    Assert.Equal(-1.0, mean 1, 1)
    Assert.InRange(result.AcceptanceRate, 0.5, 1.0)

[<Fact>]
let ``Gibbs chains of an RBM from F# are binary and reproducible`` () =
    let rbm = BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v = 6, h = 4, seed = 3UL))
    let states () = [| Array.zeroCreate<float32> (100 * 6); Array.zeroCreate<float32> (100 * 4) |]
    let first = GibbsSampler.Run(rbm, states (), 50, 11UL)
    let again = GibbsSampler.Run(rbm, states (), GibbsOptions(50, 11UL, RecordEvery = 10))
    Assert.All(first.States.[0], fun v -> Assert.True((v = 0.0f || v = 1.0f)))
    Assert.Equal<float32[]>(first.States.[0], again.States.[0])
    Assert.Equal(5, again.Samples.Count)

[<Fact>]
let ``exact score matching from F# moves the mean to the data's`` () =
    let data = Toy2D.GaussianMixture(500, 5UL, [| MixtureComponent(1.0, 1.5, 0.5, 1.0) |])
    let rows = data.Values
    let mutable theta = [| 0.0f; 0.0f; 0.0f |]
    let at (t: float32[]) = gaussianAt t.[0..1]
    let first = ScoreMatchingLosses.Exact(at theta, rows)
    for _ in 1..200 do
        let r = ScoreMatchingLosses.Exact(at theta, rows)
        theta <- Array.mapi (fun i (v: float32) -> v - 0.1f * r.Gradient.[i]) theta
    let last = ScoreMatchingLosses.Exact(at theta, rows)
    Assert.True(last.Loss < first.Loss)
    let sampleMean k = Seq.init data.Rows (fun r -> float (data.Row r).[k]) |> Seq.average
    Assert.Equal(sampleMean 0, float theta.[0], 2)
    Assert.Equal(sampleMean 1, float theta.[1], 2)

[<Fact>]
let ``denoising and sliced losses take the same model and rows`` () =
    let model = gaussianAt [| 0.5f; 0.5f |]
    let rows = (Toy2D.Moons(200, 3UL)).Values
    let dsm = ScoreMatchingLosses.Denoising(model, rows, 0.1f, 1UL, 0UL)
    let ssm = ScoreMatchingLosses.Sliced(model, rows, 1UL, 0UL)
    Assert.Equal(model.Layout.ParameterCount, dsm.Gradient.Count)
    Assert.Equal(model.Layout.ParameterCount, ssm.Gradient.Count)
    Assert.True(Double.IsFinite dsm.Loss && Double.IsFinite ssm.Loss)

[<Fact>]
let ``PCD training from F# reports every update and stops cleanly on a token`` () =
    let rows = Array.init (60 * 6) (fun i -> if (i / 6 + i % 6) % 2 = 0 then 1.0f else 0.0f)
    let data = Dataset("alternating", [| 6 |], rows, [||], "test")
    let rbm = BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v = 6, h = 3, seed = 1UL))
    use stop = new Threading.CancellationTokenSource()
    let batches = ResizeArray<int * int>()
    let options =
        TrainingOptions(5, 20, 0.1f, 4UL,
                        OnBatch = (fun b -> batches.Add((b.Epoch, b.Batch)); if b.Epoch = 2 && b.Batch = 3 then stop.Cancel()))
    Assert.Throws<OperationCanceledException>(fun () -> Trainer.Train(rbm, data, options, stop.Token) |> ignore) |> ignore
    Assert.Equal<(int * int) list>([ for e in 1..2 do for b in 1..3 -> (e, b) ], List.ofSeq batches)
    let result = Trainer.Train(rbm, data, TrainingOptions(5, 20, 0.1f, 4UL))
    let samples = GibbsSampler.Run(result.Model, [| Array.zeroCreate<float32> (10 * 6); Array.zeroCreate<float32> (10 * 3) |], 20, 2UL)
    Assert.Equal(60, samples.States.[0].Length)
