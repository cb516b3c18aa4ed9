using System.Text.Json;
using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.Understanding;

namespace OuderBot.Faq;

/// <summary>Questions: answered from the knowledge base by <see cref="FaqDialog"/>.</summary>
internal sealed class FaqHandler : IMessageHandler
{
    public int Order => 100;

    public static MenuEntry MenuEntry { get; } = new("menu.question", 20, dc =>
    {
        dc.Turn.Send("menu.ask_question");
        return Task.CompletedTask;
    });

    public async Task<bool> TryHandleAsync(DialogContext dc, Understanding.Understanding understood)
    {
        if (understood.Intent != Intents.Faq)
        {
            return false;
        }

        await dc.BeginDialogAsync(FaqDialog.DialogId, Request(dc.Turn, understood));
        return true;
    }

    /// <summary>A question after another request in the same message: answered once that request is done.</summary>
    public WaitingStart? Later(TurnContext turn, Understanding.Understanding understood) =>
        understood.Intent == Intents.Faq
            ? new WaitingStart($"second-{turn.School.Clock.UtcNow.UtcTicks}", FaqDialog.DialogId, JsonSerializer.SerializeToElement(Request(turn, understood)), turn.School.Clock.UtcNow)
            : null;

    private static FaqRequest Request(TurnContext turn, Understanding.Understanding understood) =>
        new(turn.Message.Text, understood.Faq, understood.Confidence, [.. understood.FaqCandidates.Select(h => h.TopicId)]);
}
