using System.Text.Json;
using BenchmarkDotNet.Attributes;
using OuderBot.Cli;
using OuderBot.School;
using OuderBot.Understanding;

namespace OuderBot.Benchmarks;

/// <summary>
/// How long understanding takes: one message on average over the evaluation set (target: under 1 ms), and loading
/// the knowledge base with its index at start (target: well under a second).
/// </summary>
[MemoryDiagnoser]
public class UnderstandingBenchmarks
{
    private static readonly string Dialogs = Path.Combine(AppContext.BaseDirectory, "dialogs");
    private readonly DateTime _now = new(2026, 11, 23, 7, 45, 0);
    private SchoolData _school = null!;
    private Owned<Understander> _understander = null!;
    private (string Text, Parent? Parent)[] _messages = [];

    [GlobalSetup]
    public void Setup()
    {
        _school = SchoolLoader.LoadFile(Path.Combine(Dialogs, "schools", "de-driehoek.yaml"));
        _understander = NluCommand.Build(Dialogs, _school);
        _messages = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "messages.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (e.GetProperty("text").GetString()!, e.TryGetProperty("from", out var from) ? _school.FindParent(from.GetString()) : null))
            .ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _understander.Dispose();

    /// <summary>Understands every evaluation message once; reported per message.</summary>
    [Benchmark(OperationsPerInvoke = 377)]
    public int UnderstandOneMessage()
    {
        var found = 0;
        for (var i = 0; i < 377; i++)
        {
            var (text, parent) = _messages[i % _messages.Length];
            found += _understander.Value.Understand(text, _now, parent).Dates.Count;
        }

        return found;
    }

    /// <summary>Trains a school's two learned models from scratch (the first start of a school in a process).</summary>
    [Benchmark]
    public int TrainModels()
    {
        var knowledge = OuderBot.Faq.FaqKnowledgeBase.Load(Path.Combine(Dialogs, "faq"));
        return LearnedModels.TrainFresh(Path.Combine(Dialogs, "understanding"), knowledge, Understander.NamesOf(_school)).IntentModel.ExampleCount;
    }

    /// <summary>Loads signals, the FAQ knowledge base and builds its Lucene index, as the bot does at start.</summary>
    [Benchmark]
    public int LoadKnowledgeBase()
    {
        using var understander = NluCommand.Build(Dialogs, _school);
        return understander.Value.Understand("hoe laat begint school", _now).Confidence > 0 ? 1 : 0;
    }
}
