using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.Operations;
using OuderBot.Outbox;
using OuderBot.Privacy;
using OuderBot.School;
using OuderBot.Storage;

namespace OuderBot.Channels.Twilio;

/// <summary>
/// SMS and WhatsApp through Twilio: POST /api/twilio/messages (incoming messages, answered with TwiML) and
/// POST /api/twilio/status (delivery status callbacks), both behind Twilio's request signature.
/// </summary>
public static class TwilioChannel
{
    public const string Sms = "sms";
    public const string WhatsApp = "whatsapp";
    public const string WhatsAppPrefix = "whatsapp:";
    public const string MessagesPath = "/api/twilio/messages";
    public const string StatusPath = "/api/twilio/status";
    public const int MaxBodyLength = 1600;

    public static IHostApplicationBuilder AddTwilioChannel(this IHostApplicationBuilder builder)
    {
        builder.Services.AddTwilioChannel(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddTwilioChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.Section)).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<TwilioOptions>, NormalizeTwilioOptions>();
        services.AddSingleton<IValidateOptions<TwilioOptions>, ValidateTwilioOptions>();
        services.AddSingleton<OptOutStore>();
        services.AddSingleton<MessageStatusStore>();
        services.AddSingleton<IDeliveryStatusSource>(sp => sp.GetRequiredService<MessageStatusStore>());   // joins callbacks to outbox messages
        services.AddRetentionPolicy<MessageStatusRetention>();             // delivery statuses expire
        services.AddRetentionPolicy<OptOutRetention>();                    // opt-ins expire; a standing STOP is kept
        services.AddSingleton<IOutboxTransport, TwilioOutboxTransport>();  // the outbox sends SMS and WhatsApp through Twilio
        services.AddSingleton<IRecipientBlocklist, OptOutBlocklist>();     // and never to a parent who opted out
        services.AddHttpClient<TwilioRestClient>((sp, client) =>
        {
            client.BaseAddress = new Uri(sp.GetRequiredService<IOptions<TwilioOptions>>().Value.ApiBaseUrl + "/");
            client.Timeout = TwilioRestClient.DefaultTimeout;
        });
        return services;
    }

    public static RouteGroupBuilder MapTwilioChannel(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/twilio")
            .AddEndpointFilter<TwilioSignatureFilter>()
            .DisableAntiforgery();
        group.MapPost("/messages", ReceiveMessageAsync).WithName("TwilioMessage").RejectWhileDraining();
        group.MapPost("/status", ReceiveStatusAsync).WithName("TwilioStatus");
        return group;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReceiveMessageAsync(
        HttpContext http, TurnPipeline pipeline, OptOutStore optOuts, Schools schools, Texts texts, ConversationStore conversations,
        TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!TwilioWebhookForm.IsForm(http.Request))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Send the form Twilio sends: Content-Type application/x-www-form-urlencoded.");
        }

        var form = TwilioWebhookForm.Of(http);
        var from = form["From"]?.Trim();
        var messageSid = form["MessageSid"]?.Trim();
        var body = form["Body"] ?? "";
        if (string.IsNullOrEmpty(from))
        {
            return Problem(StatusCodes.Status400BadRequest, "From is required: the sender, such as +31611111111 or whatsapp:+31611111111.");
        }

        if (string.IsNullOrEmpty(messageSid))
        {
            return Problem(StatusCodes.Status400BadRequest, "MessageSid is required: Twilio's id of the message.");
        }

        var numMedia = 0;
        if (form["NumMedia"] is { Length: > 0 } mediaText && !int.TryParse(mediaText, NumberStyles.None, CultureInfo.InvariantCulture, out numMedia))
        {
            return Problem(StatusCodes.Status400BadRequest, "NumMedia must be a whole number.");
        }

        if (body.Trim().Length == 0 && numMedia == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "Body is required when no media is attached (NumMedia 0).");
        }

        if (body.Length > MaxBodyLength)
        {
            return Problem(StatusCodes.Status400BadRequest, $"Body is longer than {MaxBodyLength} characters, Twilio's limit for one message.");
        }

        var logger = loggers.CreateLogger(typeof(TwilioChannel));
        var channel = from.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase) ? WhatsApp : Sms;
        var phone = Phone.TryNormalize(from);
        var to = form["To"]?.Trim() ?? "";

        // The school is the owner of the number the parent wrote to (or of the Messaging Service); none: nobody's.
        if (schools.ForTwilio(to, form["MessagingServiceSid"]) is not { } school)
        {
            logger.LogWarning("Twilio {Channel} message {MessageSid} to {To}, a number no school owns: not handled", channel, messageSid, Phone.Mask(Phone.TryNormalize(to) ?? to));
            return Twiml([]);
        }

        logger.LogInformation("Twilio {Channel} message {MessageSid} from {Phone} to {School} ({Media} media)", channel, messageSid, Phone.Mask(phone ?? from), school.Id, numMedia);

        // SMS keywords Twilio acts on itself (opt-out): record them, answer nothing (Twilio sends its own confirmation).
        // A parent who opted out gets nothing either, and no dialog runs: Twilio would not deliver a reply (21610).
        if (channel == Sms && phone is not null && await IsTwiliosAsync(optOuts, school, phone, body, form["OptOutType"], logger, cancellationToken))
        {
            return Twiml([]);
        }

        // A photo (of a doctor's note, say) without words: the bot cannot read it, so it asks for a typed message.
        if (body.Trim().Length == 0 && school.Data.FindParent(from) is { } parent)
        {
            var language = await LanguageOfAsync(conversations, school, parent, cancellationToken);
            return Twiml([texts.Render(language, "media.received")]);
        }

        var message = new InboundMessage(channel, from, to, body, numMedia, messageSid, time.GetUtcNow());
        var outcome = await pipeline.ProcessAsync(school, message, cancellationToken);
        if (outcome.Retryable)
        {
            // Twilio does not retry a messaging webhook that fails (it logs error 11200 and calls the fallback URL,
            // if any), so a 503 would leave the parent without an answer: they get the "send it again" text instead.
            logger.LogWarning("Twilio message {MessageSid} from {Phone} not handled (store unavailable); the parent was asked to send it again", messageSid, Phone.Mask(phone ?? from));
        }

        return Twiml(TwimlResponse.Split(outcome.Replies.Select(r => r.Text), sms: channel == Sms));
    }

    /// <summary>
    /// True when the SMS is Twilio's business and fully handled here: one of Twilio's keywords, or any message from a
    /// parent who opted out (until an opt-in word, which Twilio confirms itself, so it gets no reply from the bot either).
    /// </summary>
    private static async Task<bool> IsTwiliosAsync(OptOutStore optOuts, SchoolContext school, string phone, string body, string? optOutType, ILogger logger, CancellationToken cancellationToken)
    {
        var kind = OptOutKeywords.Classify(body, optOutType);
        var keyword = body.Trim().ToUpperInvariant();
        try
        {
            switch (kind)
            {
                case OptOutKind.OptOut:
                    await optOuts.OptOutAsync(school, phone, keyword, cancellationToken);
                    logger.LogInformation("{Phone} opted out of SMS", Phone.Mask(phone));
                    return true;
                case OptOutKind.Help:
                    return true;
            }

            if (!await optOuts.IsOptedOutAsync(school, phone, cancellationToken))
            {
                return false; // "yes" from a parent who never said STOP is an answer to the bot's question
            }

            if (kind == OptOutKind.OptIn)
            {
                await optOuts.OptInAsync(school, phone, keyword, cancellationToken);
                logger.LogInformation("{Phone} opted in to SMS again", Phone.Mask(phone));
            }
            else
            {
                logger.LogInformation("SMS from {Phone} not handled: they opted out, and Twilio would not deliver a reply", Phone.Mask(phone));
            }

            return true;
        }
        catch (StoreUnavailableException ex)
        {
            // Twilio blocks or unblocks the number itself; only our own record of it is missing. Any other message goes
            // on to the turn, which meets the same outage and asks the parent to send it again.
            logger.LogError(ex, "Opt-out state of {Phone} could not be read or recorded: store unavailable", Phone.Mask(phone));
            return kind == OptOutKind.OptOut;
        }
    }

    private static async Task<string> LanguageOfAsync(ConversationStore conversations, SchoolContext school, Parent parent, CancellationToken cancellationToken)
    {
        try
        {
            var conversation = (await conversations.LoadAsync(school, parent.Phone, cancellationToken)).Deserialize();
            return Texts.Supported(conversation.Language ?? parent.Language);
        }
        catch (StoreUnavailableException)
        {
            return Texts.Supported(parent.Language);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReceiveStatusAsync(
        HttpContext http, MessageStatusStore statuses, Schools schools, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!TwilioWebhookForm.IsForm(http.Request))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Send the form Twilio sends: Content-Type application/x-www-form-urlencoded.");
        }

        var form = TwilioWebhookForm.Of(http);
        var messageSid = form["MessageSid"]?.Trim();
        var status = (form["MessageStatus"] ?? form["SmsStatus"])?.Trim();
        if (string.IsNullOrEmpty(messageSid) || string.IsNullOrEmpty(status))
        {
            return Problem(StatusCodes.Status400BadRequest, "MessageSid and MessageStatus are required.");
        }

        if (!MessageStatusStore.IsMessageSid(messageSid))
        {
            return Problem(StatusCodes.Status400BadRequest, "MessageSid must be Twilio's id of a message: SM or MM followed by 32 hexadecimal characters.");
        }

        var errorCode = form["ErrorCode"]?.Trim() is { Length: > 0 } code ? code : null;
        var logger = loggers.CreateLogger(typeof(TwilioChannel));
        // A status is about a message a school sent: its From (or Messaging Service) names the school.
        if (schools.ForTwilio(form["From"]?.Trim(), form["MessagingServiceSid"]) is not { } school)
        {
            logger.LogWarning("Status {Status} for message {MessageSid} from a number no school owns: not recorded", status, messageSid);
            return TypedResults.NoContent();
        }

        try
        {
            var record = await statuses.RecordAsync(school, messageSid, status, errorCode, time.GetUtcNow(), cancellationToken);
            logger.LogInformation("Message {MessageSid} reported {Status} (error {ErrorCode}); now {Current}", messageSid, status, errorCode, record.Status);
            return TypedResults.NoContent();
        }
        catch (StoreUnavailableException)
        {
            return Problem(StatusCodes.Status503ServiceUnavailable, "The store is unavailable; the status was not recorded.");
        }
    }

    private static ContentHttpResult Twiml(IEnumerable<string> messages) =>
        TypedResults.Text(TwimlResponse.Render(messages), "text/xml", Encoding.UTF8);

    private static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status);
}
