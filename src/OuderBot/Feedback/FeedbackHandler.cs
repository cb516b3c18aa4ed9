using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.Understanding;

namespace OuderBot.Feedback;

/// <summary>
/// Takes the understanding's feedback intent (compliments, complaints, suggestions) before the inbox's pass-on (100),
/// which no longer sees it; after the replies to what the school sent (announcements 90, digest answers 89), which
/// read "Leuk, wij komen!" and "Dank u!" as answers.
/// </summary>
internal sealed class FeedbackHandler : IMessageHandler
{
    public int Order => 95;

    public async Task<bool> TryHandleAsync(DialogContext dc, Understanding.Understanding understood)
    {
        if (understood.Intent is not Intents.Feedback)
        {
            return false;
        }

        await dc.BeginDialogAsync(FeedbackDialog.DialogId, new FeedbackRequest(dc.Turn.Message.Text));
        return true;
    }
}
