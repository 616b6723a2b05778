using Ebm.Cli.Plots;
using Ebm.Cli.Progress;
using Ebm.Data;
using Ebm.Models;
using Ebm.Numerics;
using Ebm.Sampling;
using Ebm.Training;

namespace Ebm.Cli.Demo;

/// <summary>What the RBM half of the demo measured.</summary>
/// <param name="Hidden">Hidden units.</param>
/// <param name="TrainRows">Training images.</param>
/// <param name="TestRows">Test images the log-likelihood is measured on.</param>
/// <param name="History">The trainer's record of every epoch (exact test log-likelihood included).</param>
/// <param name="InitialLogLikelihood">Mean test log p(v) of the initial model, exact.</param>
/// <param name="SampleActivity">Mean of the sampled pixel probabilities.</param>
/// <param name="DataActivity">Mean of the binarised training pixels.</param>
internal sealed record RbmOutcome(int Hidden, int TrainRows, int TestRows, IReadOnlyList<EpochRecord> History, double InitialLogLikelihood,
    double SampleActivity, double DataActivity);

/// <summary>
/// A Bernoulli RBM trained by PCD on the Fashion-MNIST subset compiled into Ebm.dll, its exact test log-likelihood
/// after every epoch (few enough hidden units to enumerate), and a grid of Gibbs samples.
/// </summary>
internal static class RbmDemo
{
    // Many persistent chains and a decaying rate: with 50 chains and a constant rate the exact test log-likelihood
    // swung by ±60 nats from epoch to epoch as the chains lagged the model.
    public const int BatchSize = 50, Chains = 500;
    public const float LearningRate = 0.05f, Momentum = 0.5f;
    public const double FinalRateFraction = 0.1;

    public static RbmOutcome Run(DemoSettings settings, string folder, ProgressDisplay progress, ulong seed)
    {
        DataSplits images = FashionMnist.LoadEmbedded();
        Dataset train = Binarization.Threshold(images.Train), test = Binarization.Threshold(images.Test!);
        var rbm = BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v: train.Columns, h: settings.RbmHidden, seed: seed));
        var options = new TrainingOptions(settings.RbmEpochs, BatchSize, LearningRate, seed)
        {
            NegativePhase = NegativePhase.Persistent,
            Chains = Chains,
            Momentum = Momentum,
            Schedule = LearningRateSchedule.LinearDecay(FinalRateFraction),
            Evaluation = LogLikelihoodEstimate.Exact,
            EvaluationData = test,
        };
        double initial = LikelihoodEvaluation.Evaluate(rbm, test.Values, LogLikelihoodEstimate.Exact, options).MeanLogLikelihood;
        TrainingResult trained = progress.Run("rbm: PCD training", settings.RbmEpochs, stage =>
            Trainer.Train(rbm, train, options with
            {
                OnBatch = b => stage.Report(b.Epoch - 1 + (double)b.Batch / b.Batches),
                OnEpoch = e =>
                {
                    stage.Describe($"epoch {e.Epoch}  test log p {e.LogLikelihood:0.0}  reconstruction {e.ReconstructionError:0.000}");
                },
            }));
        var model = (IGibbsModel)trained.Model;

        float[] pixels = progress.Run("rbm: Gibbs sampling", settings.GibbsSweeps, stage =>
        {
            int chains = settings.RbmChains, v = train.Columns, h = settings.RbmHidden;
            // Chains start at Bernoulli(½) noise, far from any image: what they show came from the model.
            var start = new float[chains * v];
            new Rng.RandomStream(seed, 11, 0).FillUniform(start);
            for (int i = 0; i < start.Length; i++)
                start[i] = start[i] < 0.5f ? 1f : 0f;
            GibbsResult run = SamplingProgress.Pieced(model, [start, new float[chains * h]], settings.GibbsSweeps, seed, done => stage.Report(done));
            // The last sweep's p(v = 1 | h) shows each sample as the image its hidden state stands for, without the
            // salt and pepper of one binary draw.
            var logits = new float[chains * v];
            model.ConditionalLogits("v", [run.States[0], run.States[1]], logits);
            var p = new float[logits.Length];
            StableMath.Sigmoid(logits, p);
            return p;
        });
        ImageGridPlot.Save(Path.Combine(folder, DemoFiles.RbmSamples),
            $"RBM ({settings.RbmHidden} hidden) samples after {settings.GibbsSweeps} Gibbs sweeps: p(v = 1 | h)",
            pixels, settings.RbmChains, 28, 28, (int)Math.Ceiling(Math.Sqrt(settings.RbmChains)));
        return new RbmOutcome(settings.RbmHidden, train.Rows, test.Rows, trained.History, initial, pixels.Average(),
            train.Values.ToArray().Average());
    }
}
