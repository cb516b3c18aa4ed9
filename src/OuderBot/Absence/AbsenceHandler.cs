using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.Understanding;

namespace OuderBot.Absence;

/// <summary>Starts the absence dialogs: a report, "welke ziekmeldingen heb ik gedaan?", and "Tim is weer beter".</summary>
internal sealed class AbsenceHandler(AbsenceReader absences) : IMessageHandler
{
    public int Order => 10;

    public static MenuEntry MenuEntry { get; } = new("menu.absence", 10, dc => dc.BeginDialogAsync(AbsenceDialog.DialogId, new AbsenceRequest(null)));

    public async Task<bool> TryHandleAsync(DialogContext dc, Understanding.Understanding understood)
    {
        var turn = dc.Turn;
        // "Welke ziekmeldingen heb ik gedaan?" reads as a question or an absence; either way it asks for the reports.
        if (absences.AsksForReports(turn.Message.Text) && understood.Intent is Intents.Absence or Intents.Faq or Intents.Unknown)
        {
            await dc.BeginDialogAsync(MyReportsDialog.DialogId);
            return true;
        }

        // "Tim is weer beter" closes a sick report; "Tim is better" may look like a question about Tim to the understander.
        if ((understood.Intent == Intents.Absence || (understood.Child is not null && understood.Intent is Intents.Faq or Intents.Unknown or Intents.Greeting))
            && absences.SaysRecovered(turn, turn.Message.Text))
        {
            await dc.BeginDialogAsync(RecoveryDialog.DialogId, new AbsenceRequest(turn.Message.Text));
            return true;
        }

        if (understood.Intent != Intents.Absence)
        {
            return false;
        }

        await dc.BeginDialogAsync(AbsenceDialog.DialogId, new AbsenceRequest(turn.Message.Text));
        return true;
    }
}
