using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/OuderBot.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(OuderBot.Benchmarks.UnderstandingBenchmarks).Assembly).Run(args);
