using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OuderBot.Dialogs;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Conversations;

/// <summary>Every example the time question gives ("Typ bijvoorbeeld: 'tot 10 uur'") is itself understood, in both languages.</summary>
public sealed partial class PromptExampleTests : IAsyncLifetime
{
    private readonly BotApp _app = new();

    public Task InitializeAsync() => _app.WaitUntilHealthyAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("nl", TimParent, "Tim moet morgen naar de tandarts")]
    [InlineData("en", EnglishParentOfTwo, "Oliver has a dentist appointment tomorrow")]
    public async Task EveryTimeTheBotGivesAsAnExampleIsUnderstood(string language, string parent, string appointment)
    {
        var texts = _app.Services.GetRequiredService<Texts>();
        var examples = Quoted().Matches(texts.Raw(language, "absence.ask_part") + texts.Raw(language, "absence.part_retry"))
            .Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(examples.Count >= 4, string.Join(", ", examples));

        foreach (var example in examples)
        {
            Assert.Equal([texts.Raw(language, "absence.ask_part")], await _app.SendAsync(parent, appointment));
            var reply = Assert.Single(await _app.SendAsync(parent, example));
            Assert.DoesNotContain(texts.Raw(language, "absence.part_retry")[..12], reply, StringComparison.Ordinal);
            Assert.Contains("?", reply, StringComparison.Ordinal); // the confirmation, "Klopt dat? (ja/nee)"
            await _app.SendAsync(parent, language == "nl" ? "annuleer" : "never mind");
        }
    }

    [Theory]
    [InlineData("nl", TimParent, "Tim moet naar de tandarts", "Tim heeft een afspraak")]
    [InlineData("en", EnglishParentOfTwo, "Oliver has to go to the dentist", "Oliver has an appointment")]
    public async Task EveryDayAndTimeTheAppointmentQuestionGivesIsUnderstoodInOneGo(string language, string parent, string appointment, string confirmation)
    {
        var texts = _app.Services.GetRequiredService<Texts>();
        var child = confirmation.Split(' ')[0];
        var question = texts.Render(language, "absence.ask_when_appointment", new Dictionary<string, string> { ["child"] = child });
        var examples = Quoted().Matches(texts.Raw(language, "absence.ask_when_appointment")).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(3, examples.Count);

        foreach (var example in examples)
        {
            Assert.Equal([question], await _app.SendAsync(parent, appointment));
            var reply = Assert.Single(await _app.SendAsync(parent, example));
            Assert.True(reply.StartsWith(confirmation, StringComparison.Ordinal), $"{example}: {reply}"); // the confirmation at once: no time question after it
            await _app.SendAsync(parent, language == "nl" ? "annuleer" : "never mind");
        }
    }

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();
}
