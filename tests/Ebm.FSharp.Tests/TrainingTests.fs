module Ebm.FSharp.Tests.TrainingTests

open Xunit
open Ebm
open Ebm.Data
open Ebm.Models
open Ebm.Training

// Training from F# as an F# user writes it: the options record with property setters, a lambda for the
// per-epoch callback, and the named result and history records; no wrapper.

[<Fact>]
let ``an RBM trains from F# and its history reads as records`` () =
    let rows = Array.init (60 * 6) (fun i -> if (i / 6 + i % 6) % 2 = 0 then 1.0f else 0.0f)
    let data = Dataset("alternating", [| 6 |], rows, [||], "test")
    let rbm = BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v = 6, h = 3, seed = 1UL))
    let seen = ResizeArray<int>()
    let options =
        TrainingOptions(10, 10, 0.3f, 3UL,
                        NegativePhase = NegativePhase.ContrastiveDivergence,
                        Momentum = 0.5f,
                        Schedule = LearningRateSchedule.ExponentialDecay 0.9,
                        Evaluation = LogLikelihoodEstimate.Exact,
                        OnEpoch = fun e -> seen.Add e.Epoch)
    let result = Trainer.Train(rbm, data, options)
    Assert.Equal<int>([ 1 .. 10 ], List.ofSeq seen)
    let first, last = result.History.[0], result.History.[9]
    Assert.True(last.LogLikelihood.Value > first.LogLikelihood.Value)
    let trained = BernoulliRbm.Parameters.Create(v = 6, h = 3, seed = 1UL).WithVector result.Parameters
    Assert.Equal(6 * 3 + 6 + 3, trained.Vector.Length)
