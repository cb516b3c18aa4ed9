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

        await dc.BeginDialogAsync(FaqDialog.DialogId, new FaqRequest(dc.Turn.Message.Text, understood.Faq, understood.Confidence, understood.FaqCandidates.Select(h => h.TopicId).ToList()));
        return true;
    }
}
