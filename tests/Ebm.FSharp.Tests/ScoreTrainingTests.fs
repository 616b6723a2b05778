module Ebm.FSharp.Tests.ScoreTrainingTests

open System
open Xunit
open Ebm
open Ebm.Data
open Ebm.Models
open Ebm.Sampling
open Ebm.ScoreMatching
open Ebm.Training

// Score training and diffusion sampling from F#: the options record with property setters, F# lambdas where the
// API takes Func and Action (σ ↦ model, the per-epoch callback), the named result records; no wrapper.

[<Fact>]
let ``a noise-conditional MLP trains by NCSN and samples by diffusion from F#`` () =
    let data = Toy2D.Moons(256, 1UL)
    let levels = NoiseSchedule.Geometric(1.0f, 0.1f, 3)
    let layout = NoiseConditionalMlp.Parameters.Create(x = 2, W1Rows = 8, W2Rows = 8, sigma = 1.0f, seed = 1UL).Layout
    let initial = Initialization.LeCunNormal(layout, 2UL)
    let at (theta: float32[]) (sigma: float32) =
        NoiseConditionalMlp.Create(NoiseConditionalMlp.Parameters.Create(x = 2, W1Rows = 8, W2Rows = 8, sigma = sigma, seed = 1UL)).Rebind theta
    let seen = ResizeArray<int>()
    let options =
        ScoreTrainingOptions(ScoreMethod.NoiseConditional, 3, 64, 0.003f, 5UL,
                             NoiseLevels = levels,
                             MaxGradientNorm = 100.0f,
                             OnEpoch = fun e -> seen.Add e.Epoch)
    let result = ScoreTrainer.TrainNoiseConditional((fun s -> at initial s :> IScoreModel), data, options)
    Assert.Equal<int>([ 1; 2; 3 ], List.ofSeq seen)
    Assert.All(result.History, fun e -> Assert.True(Double.IsFinite e.Loss && e.StepsPerSecond > 0.0))
    Assert.NotEqual<float32>(initial, result.Parameters)
    let start = StandardWorkloads.NormalStart(16, 2, 1.0f, 3UL)
    let samples = DiffusionSampler.Sample((fun s -> at result.Parameters s :> IEnergyModel), ReadOnlyMemory start, DiffusionOptions(20, 7UL))
    Assert.Equal(32, samples.States.Length)
    Assert.All(samples.States, fun v -> Assert.True(Single.IsFinite v))
