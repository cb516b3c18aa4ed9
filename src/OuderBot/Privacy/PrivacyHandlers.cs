using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.Inbox;
using OuderBot.Understanding;

namespace OuderBot.Privacy;

/// <summary>"Verwijder mijn gegevens" wins over any intent: erasure, never a message passed on (that would keep what the parent wants gone).</summary>
internal sealed class ErasureHandler : IMessageHandler
{
    public int Order => 0;

    public async Task<bool> TryHandleAsync(DialogContext dc, Understanding.Understanding understood)
    {
        if (!ErasureDialog.Asks(dc.Turn))
        {
            return false;
        }

        await dc.BeginDialogAsync(ErasureDialog.DialogId);
        return true;
    }
}

/// <summary>Other questions about one's data (inzage, a new number): passed on to the school, with its e-mail address.</summary>
internal sealed class PrivacyQuestionHandler(SchoolInbox inbox) : IMessageHandler
{
    public int Order => 100;

    public async Task<bool> TryHandleAsync(DialogContext dc, Understanding.Understanding understood)
    {
        if (understood.Intent != Intents.Privacy)
        {
            return false;
        }

        var turn = dc.Turn;
        await inbox.PassOnAsync(turn, "privacy", turn.Message.Text, child: null);
        turn.Send("privacy.passed_on", ("email", turn.School.Data.Info.Email));
        return true;
    }
}
