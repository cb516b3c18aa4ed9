using System.Text.RegularExpressions;
using OuderBot.Bot;
using OuderBot.Dialogs;

namespace OuderBot.Booking;

public enum OfferAnswerKind
{
    Pick,
    More,
    Wish,
    Yes,
    No,
}

/// <summary>An answer to an offer or a confirmation: a number, "andere tijden", a wish, yes or no.</summary>
public readonly record struct OfferAnswer(OfferAnswerKind Kind, int Index = -1, TalkWish? Wish = null);

/// <summary>
/// The list of times: the parent answers with a number, "andere tijden" (the last choice) or a wish ("liever
/// dinsdag", "na half 4"); with <see cref="AcceptYesNo"/> (the confirmation) also yes or no. The choices are in the
/// prompt's options, so the number is checked against what was shown.
/// </summary>
public sealed partial class OfferPrompt(string id, bool acceptYesNo) : Prompt<OfferAnswer>(id)
{
    public bool AcceptYesNo { get; } = acceptYesNo;

    protected override Say DefaultRetry => Say.Text(AcceptYesNo ? "booking.confirm_retry" : "booking.offer_retry");

    protected override bool TryRecognize(TurnContext turn, PromptOptions options, out OfferAnswer value)
    {
        value = default;
        if (AcceptYesNo && ConfirmRecognizer.Recognize(turn.Normalized, turn.Texts) is { } yes)
        {
            value = new OfferAnswer(yes ? OfferAnswerKind.Yes : OfferAnswerKind.No);
            return true;
        }

        // "ja" to a list of one time takes it.
        var real = options.Choices.Where(c => c.Value != BookingDialog.MoreChoice).ToList();
        if (!AcceptYesNo && real.Count == 1 && ConfirmRecognizer.Recognize(turn.Normalized, turn.Texts) is true)
        {
            value = new OfferAnswer(OfferAnswerKind.Pick, 0);
            return true;
        }

        var wish = BookingDialog.ReadWish(turn, turn.Message.Text);
        var number = NumberOnly().Match(turn.Normalized);
        if (number.Success && wish.At is null && wish.After is null && wish.Before is null && int.TryParse(number.Groups[1].Value, out var n))
        {
            var count = options.Choices.Count;
            if (n >= 1 && n <= count)
            {
                value = options.Choices[n - 1].Value == BookingDialog.MoreChoice ? new OfferAnswer(OfferAnswerKind.More) : new OfferAnswer(OfferAnswerKind.Pick, n - 1);
                return true;
            }

            return false;
        }

        if (wish.More && !wish.Narrows)
        {
            value = new OfferAnswer(OfferAnswerKind.More);
            return true;
        }

        if (wish.Any)
        {
            value = new OfferAnswer(OfferAnswerKind.Wish, Wish: wish);
            return true;
        }

        return false;
    }

    // "2", "nr 2", "nummer 2", "optie 2", "2 graag", "de 2e", "number 2 please".
    [GeneratedRegex(@"^(?:(?:de|nr|nummer|optie|keuze|number|option|choice|doe maar|graag|ik kies|ik neem) )*(\d{1,2})(?:e|de|ste)?(?: (?:graag|please|alstublieft|aub|svp|dan|maar))*$")]
    private static partial Regex NumberOnly();
}
