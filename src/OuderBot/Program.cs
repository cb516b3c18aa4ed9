using OuderBot.Absence;
using OuderBot.Admin;
using OuderBot.Announcements;
using OuderBot.Booking;
using OuderBot.Bot;
using OuderBot.Channels.Local;
using OuderBot.Channels.Twilio;
using OuderBot.Cli;
using OuderBot.Digest;
using OuderBot.Feedback;
using OuderBot.Office;
using OuderBot.Operations;
using OuderBot.Simulator;
using OuderBot.Surveys;
using OuderBot.Web;

// `dotnet run --project src/OuderBot -- chat --from +31611111111`: the terminal chat, same pipeline, no web server.
if (args is ["chat", .. var chatArgs])
{
    return await ChatCommand.RunAsync(chatArgs, AddCapabilities);
}

// `dotnet run --project src/OuderBot -- nlu [--now ...] [--from ...] ["message"]`: what the bot understands, as JSON.
if (args is ["nlu", .. var nluArgs])
{
    return await NluCommand.RunAsync(nluArgs);
}

// Content root is the binary's folder, so appsettings and the shipped dialogs load wherever the bot is started from;
// relative paths in configuration (Storage:Path) still mean the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// The documented address, unless --urls, ASPNETCORE_URLS or ASPNETCORE_HTTP_PORTS says otherwise.
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

builder.AddOuderBot();                                                                   // turns, dialogs, school data, store, privacy
AddCapabilities(builder);                                                                // what parents can do (below)
builder.AddTwilioChannel();                                                              // SMS and WhatsApp: options, opt-outs, REST client
builder.Services.AddAdminOptions();                                                      // the office's keys (required outside Development)
builder.Services.AddHealth();                                                            // /healthz (process up) and /readyz (store, school data, not draining)
builder.AddDraining();                                                                   // SIGTERM: no new turns, claims given back, turns in flight finished
builder.AddTelemetry();                                                                  // OpenTelemetry traces and metrics; OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = OuderBot.Web.StoreOutage.AddRetryAfter);  // every error body is RFC 7807 JSON

var app = builder.Build();
app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = OuderBot.Web.StoreOutage.StatusCode }); // 503 for a store outage, else 500; never a stack trace
app.UseStatusCodePages();                   // 404/405 get a problem body too
app.UseRouting();
app.UseRequestBodyLimits();                 // 413 for a body over the endpoint's limit (16 KB), before anything reads it
app.MapHealth();                            // GET /healthz liveness, GET /readyz readiness
app.MapLocalChannel();                      // POST /api/local/messages (Development, tests, load runs)
app.MapSimulator();                         // GET / the chat simulator on the local channel (whenever that is on)
app.MapOfficePages();                       // /office: the office's day, behind a login with its key (a session cookie)
app.MapTwilioChannel();                     // POST /api/twilio/messages and /status, behind Twilio's signature
app.MapAdmin()                              // /api/admin/*, behind X-Api-Key
   .MapAbsenceOverview()                    // GET /api/admin/absences?from&to[&format=csv]
   .MapAnnouncements()                      // POST /api/admin/announcements, GET /api/admin/announcements/{id}
   .MapBookings()                           // GET /api/admin/bookings?from&to[&format=csv], the teachers' feeds
   .MapDigests()                            // GET /api/admin/digests?date[&teacher]: each teacher's digest, sent or not
   .MapFeedback()                           // GET /api/admin/feedback?from&to, /feedback/{id}/sender (logged)
   .MapSurveys()                            // GET /api/admin/surveys, POST /surveys/{id}/send, GET /surveys/{id}/report[?format=csv]
   .MapOfficeToday();                       // GET /api/admin/office/today: what the office page shows
app.MapTalkCalendars();                     // GET /api/talks/{school}/{token}.ics, /api/calendars/{teacherId}.ics?token=
app.MapDigestPages();                       // /digest/{school}/{teacher}[/questions/{id}]: the teachers' pages, signed links
await app.RunAsync();
return 0;

// The capabilities, for the web host and the terminal chat alike. Each brings its dialogs, the messages it takes,
// its menu entry and background work; the router asks them in their own order. A new one is a line here (and its MapX above).
static void AddCapabilities(IHostApplicationBuilder builder)
{
    builder.Services.AddAbsences();                                                      // absence reports, notices to teachers
    builder.Services.AddAnnouncements();                                                 // the office's announcements and yes/no questions
    builder.Services.AddBooking();                                                       // booking parent-teacher talks by chat
    builder.Services.AddDigest();                                                        // the teachers' daily digest, and answering from it
    builder.Services.AddFeedback();                                                      // compliments, complaints and suggestions by chat
    builder.Services.AddSurveys();                                                       // surveys by chat: after a talk, and the office's
}

/// <summary>The web host; public so the tests can start it with WebApplicationFactory.</summary>
public partial class Program;
