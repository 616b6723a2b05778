using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tests/Ebm.Benchmarks -- --filter '*'` runs every benchmark;
// BenchmarkDotNet's switcher takes its usual options (--filter, --job short, --list flat).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
