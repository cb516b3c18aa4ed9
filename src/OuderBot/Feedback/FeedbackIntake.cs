using Microsoft.Extensions.Options;
using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.Outbox;
using OuderBot.School;

namespace OuderBot.Feedback;

/// <summary>
/// Takes in what the dialog gathered: keeps the piece of feedback, and sends an urgent or safety complaint to the
/// director at once by e-mail through the durable outbox (its id is the item's, so a turn that runs twice mails once).
/// The mail tells what the complaint is and the parent's words; an anonymous sender's name is not in it (the office
/// looks it up, and that look is logged).
/// </summary>
public sealed class FeedbackIntake(
    FeedbackStore store,
    Outbox.Outbox outbox,
    Texts texts,
    IOptionsMonitor<SmtpOptions> smtp,
    ILogger<FeedbackIntake> logger)
{
    public async Task<FeedbackItem> TakeAsync(TurnContext turn, FeedbackReading reading, string text, PrivacyAnswer answer)
    {
        var school = turn.School;
        var director = school.Data.Info.Director;
        var item = new FeedbackItem
        {
            Kind = reading.Kind ?? FeedbackKinds.Suggestion,
            About = reading.About,
            TeacherId = reading.Teacher is { } t ? FeedbackRules.TeacherId(t) : null,
            Teacher = reading.Teacher?.Name,
            Topic = reading.Topic,
            Text = text,
            Anonymous = answer.Anonymous,
            ContactWanted = answer.ContactWanted,
            Urgent = reading.Urgent,
            ReceivedAt = turn.Message.ReceivedAt,
            Channel = turn.Message.Channel,
            Language = turn.Language,
            ParentPhone = turn.Parent.Phone,
            ParentName = turn.Parent.Name,
            ChildIds = [.. turn.Parent.Children.Select(c => c.Id)],
        };
        var mail = item.GoesToDirectorAtOnce && director.Email is { Length: > 0 } && smtp.CurrentValue.Enabled;
        if (mail)
        {
            item = item with { DirectorMailedAt = turn.School.Clock.UtcNow };
        }

        var id = await store.AddAsync(school, item, turn.Message.ProviderMessageId ?? $"{turn.Parent.Phone}|{turn.Message.ReceivedAt.UtcTicks}", turn.CancellationToken);
        logger.LogInformation("Feedback {FeedbackId} at {School}: {Kind} about {About} from {Parent}, anonymous {Anonymous}, contact wanted {ContactWanted}",
            id, school.Id, item.Kind, item.About, Phone.Mask(item.ParentPhone), item.Anonymous, item.ContactWanted);
        if (mail)
        {
            await MailDirectorAsync(school, id, item, turn.CancellationToken);
        }
        else if (item.GoesToDirectorAtOnce)
        {
            logger.LogWarning("Feedback {FeedbackId} at {School}: an urgent complaint, but no mail server or director e-mail; the office endpoint shows it", id, school.Id);
        }

        return item;
    }

    private async Task MailDirectorAsync(SchoolContext school, string id, FeedbackItem item, CancellationToken cancellationToken)
    {
        var children = item.ChildIds.Select(c => school.Data.Children.FirstOrDefault(x => x.Id == c)?.FirstName).OfType<string>();
        var args = new Dictionary<string, string>
        {
            ["why"] = texts.Render(Texts.Dutch, item.Urgent ? "feedback.mail.urgent" : "feedback.mail.safety"),
            ["about"] = item.Teacher ?? texts.Render(Texts.Dutch, item.Topic is { } topic ? "feedback.topic." + topic : "feedback.to_school"),
            ["text"] = item.Text,
            ["time"] = school.Clock.ToLocal(item.ReceivedAt).ToString("d MMMM H.mm", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")),
            ["sender"] = item.Anonymous
                ? texts.Render(Texts.Dutch, "feedback.mail.anonymous", new Dictionary<string, string> { ["id"] = id })
                : texts.Render(Texts.Dutch, "feedback.mail.sender", new Dictionary<string, string> { ["parent"] = item.ParentName, ["phone"] = item.ParentPhone, ["children"] = string.Join(", ", children) }),
            ["contact"] = texts.Render(Texts.Dutch, item.ContactWanted ? "feedback.mail.contact" : "feedback.mail.no_contact"),
        };
        await outbox.EnqueueAsync(
            school,
            new OutboxMessage
            {
                Id = $"feedback-director-{id}",
                Channel = "email",
                To = school.Data.Info.Director.Email!,
                Subject = texts.Render(Texts.Dutch, "feedback.mail.subject", args),
                Body = texts.Render(Texts.Dutch, "feedback.mail.body", args).Trim(),
                Purpose = "feedback-director",
            },
            cancellationToken);
    }
}
