using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.School;

namespace OuderBot.Feedback;

/// <summary>What the router starts the dialog with: the parent's first message.</summary>
public sealed record FeedbackRequest(string Text);

/// <summary>The answer to "anonymous? contact?", asked in one message.</summary>
public readonly record struct PrivacyAnswer(bool Anonymous, bool ContactWanted);

/// <summary>
/// A parent gives feedback: the kind and what it is about come from the first message (asked only when it names no
/// kind), the parent's own words too (asked when it holds only the request), then one message asks both yes/no
/// questions (anonymous toward the teacher? contact wanted?), and the receipt says what happens next.
/// </summary>
public sealed class FeedbackDialog : WaterfallDialog<FeedbackDialog.State>
{
    public const string DialogId = "feedback";
    public const string KindPrompt = "feedback.kind";
    public const string PrivacyPrompt = "feedback.privacy";

    private readonly FeedbackRules _rules;
    private readonly FeedbackIntake _intake;

    public FeedbackDialog(FeedbackRules rules, FeedbackIntake intake)
        : base(DialogId)
    {
        _rules = rules;
        _intake = intake;
        AddStep("AskKind", AskKindStep);
        AddStep("AskWords", AskWordsStep);
        AddStep("AskPrivacy", AskPrivacyStep);
        AddStep("Receipt", ReceiptStep);
    }

    public static IEnumerable<Dialog> Prompts() =>
    [
        new ChoicePrompt(KindPrompt),
        new FuncPrompt<PrivacyAnswer>(PrivacyPrompt, PrivacyAnswers.Recognize, Say.Text("feedback.privacy_retry")),
    ];

    public sealed class State
    {
        public FeedbackReading? Reading { get; set; }
        public string? Text { get; set; }
    }

    private async Task<DialogTurnResult> AskKindStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        var text = (step.Options as FeedbackRequest)?.Text ?? turn.Message.Text;
        var reading = _rules.Read(turn.School.Data, turn.Parent, text);
        step.State.Reading = reading;
        step.State.Text = reading.HasWords ? text.Trim() : null;
        if (reading.PlainThanks)
        {
            // "Bedankt voor de snelle reactie": thanked and kept for the school, not asked about (nothing goes to a teacher).
            await _intake.TakeAsync(turn, reading, text.Trim(), new PrivacyAnswer(Anonymous: false, ContactWanted: false));
            turn.Send("feedback.thanks");
            return await step.EndAsync();
        }

        if (reading.Kind is not null)
        {
            return await step.NextAsync();
        }

        return await step.PromptAsync(KindPrompt, new PromptOptions
        {
            Prompt = Say.Text("feedback.ask_kind"),
            Choices = [.. FeedbackKinds.All.Select(k => new Choice(k, Say.Text("feedback.kind." + k), Synonyms(k)))],
        });
    }

    private async Task<DialogTurnResult> AskWordsStep(WaterfallStep<State> step)
    {
        var reading = step.State.Reading!;
        if (step.Result is ChoiceResult chosen)
        {
            step.State.Reading = reading = reading with { Kind = chosen.Value };
        }

        if (step.State.Text is not null)
        {
            return await step.NextAsync();
        }

        // Waits without a prompt: the next message is the parent's own words.
        step.Turn.Send("feedback.ask_words", ("about", About(step.Turn, reading)));
        return DialogTurnResult.Waiting;
    }

    private async Task<DialogTurnResult> AskPrivacyStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        if (step.State.Text is null && step.Result is string words)
        {
            step.State.Text = words.Trim();
            step.State.Reading = _rules.Merge(step.State.Reading!, turn.School.Data, turn.Parent, words);
        }

        var reading = step.State.Reading!;
        var whom = reading.Teacher?.Name ?? turn.Texts.Render(turn.Language, "feedback.whom_teachers");
        return await step.PromptAsync(PrivacyPrompt, new PromptOptions { Prompt = Say.Text("feedback.ask_privacy", ("whom", whom)) });
    }

    private async Task<DialogTurnResult> ReceiptStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        if (step.Result is not PrivacyAnswer answer || step.State.Reading is not { Kind: { } kind } reading || step.State.Text is not { } text)
        {
            return await step.EndAsync();
        }

        var item = await _intake.TakeAsync(turn, reading with { Kind = kind }, text, answer);
        turn.Send(Receipt(turn, item, reading.Teacher));
        return await step.EndAsync();
    }

    /// <summary>What the parent is told: thanks, to whom it goes, for a complaint the school's procedure from its data.</summary>
    internal static Say Receipt(TurnContext turn, FeedbackItem item, Teacher? teacher)
    {
        string T(string key, params (string, string)[] args) => turn.Texts.Render(turn.Language, Say.Text(key, args));
        var to = teacher?.Name ?? T("feedback.to_school");
        var anonymous = item.Anonymous ? T("feedback.anonymous") : "";
        var contact = item.ContactWanted ? T("feedback.contact") : "";
        if (item.Kind != FeedbackKinds.Complaint)
        {
            return Say.Text("feedback.receipt." + item.Kind, ("to", to), ("anonymous", anonymous), ("contact", contact));
        }

        var procedure = turn.School.Data.Complaints;
        var steps = procedure.Steps
            .Where(s => !(s == ComplaintProcedure.TeacherStep && (teacher is null || item.GoesToDirectorAtOnce)))
            .Select(s => s switch
            {
                ComplaintProcedure.TeacherStep => teacher!.Name,
                ComplaintProcedure.DirectorStep => T("feedback.step.director", ("director", turn.School.Data.Info.Director.Name)),
                _ => procedure.Committee ?? "",
            })
            .Select((s, i) => T("feedback.step." + Math.Min(i + 1, 4).ToString(System.Globalization.CultureInfo.InvariantCulture)) + " " + s);
        var now = item.DirectorMailedAt is not null ? T("feedback.director_now") : "";
        return Say.Text("feedback.receipt.complaint", ("now", now), ("steps", string.Join(", ", steps)), ("anonymous", anonymous), ("contact", contact));
    }

    private static string About(TurnContext turn, FeedbackReading reading) => reading.About switch
    {
        FeedbackAbout.Teacher => reading.Teacher!.Name,
        FeedbackAbout.Bot => turn.Texts.Render(turn.Language, "feedback.about_bot"),
        FeedbackAbout.Topic => turn.Texts.Render(turn.Language, Say.Text("feedback.about_topic", ("topic", turn.Texts.Render(turn.Language, "feedback.topic." + reading.Topic)))),
        _ => turn.Texts.Render(turn.Language, "feedback.to_school"),
    };

    private static string[] Synonyms(string kind) => kind switch
    {
        FeedbackKinds.Compliment => ["compliment", "complimentje", "pluim"],
        FeedbackKinds.Complaint => ["klacht", "complaint", "klagen"],
        _ => ["tip", "suggestie", "idee", "suggestion", "idea"],
    };
}

/// <summary>
/// "ja nee", "1 nee 2 ja", "anoniem, geen contact", "yes, please call me": the two answers in the order asked, with
/// words that say which question they answer taking precedence.
/// </summary>
public static class PrivacyAnswers
{
    private static readonly string[] AnonymousYes = ["anoniem", "anonymous", "anonymously", "zonder naam", "without my name"];
    private static readonly string[] AnonymousNo = ["niet anoniem", "not anonymous", "met naam", "met mijn naam", "naam mag", "mijn naam mag", "with my name", "name is fine"];
    private static readonly string[] ContactNo = ["geen contact", "no contact", "niet bellen", "don t call", "do not call", "no need to contact"];
    private static readonly string[] ContactYes = ["graag contact", "contact graag", "bel me", "bel mij", "bellen", "mail me", "mail mij", "call me", "contact me", "please call", "contact"];

    public static PrivacyAnswer? Recognize(TurnContext turn) => Recognize(turn.Normalized, turn.Texts);

    /// <summary>The two answers in a normalised message, or null unless both are there.</summary>
    public static PrivacyAnswer? Recognize(string normalized, Texts texts)
    {
        var text = " " + normalized + " ";
        bool? anonymous = Take(ref text, AnonymousNo) ? false : Take(ref text, AnonymousYes) ? true : null;
        bool? contact = Take(ref text, ContactNo) ? false : Take(ref text, ContactYes) ? true : null;
        var answers = Texts.Tokenize(text.Trim()).Select(t => ConfirmRecognizer.Recognize(t, texts)).OfType<bool>().ToList();
        foreach (var yes in answers)
        {
            if (anonymous is null)
            {
                anonymous = yes;
            }
            else if (contact is null)
            {
                contact = yes;
            }
        }

        return anonymous is { } a && contact is { } c ? new PrivacyAnswer(a, c) : null;
    }

    private static bool Take(ref string text, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            var at = text.IndexOf(" " + phrase + " ", StringComparison.Ordinal);
            if (at >= 0)
            {
                text = text.Remove(at, phrase.Length + 1);
                return true;
            }
        }

        return false;
    }
}
