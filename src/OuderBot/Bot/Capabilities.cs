using OuderBot.Dialogs;

namespace OuderBot.Bot;

/// <summary>
/// How a capability takes a message that no dialog is waiting for. The router (<see cref="MainBot"/>) asks every
/// registered handler in <see cref="Order"/>, after the global commands and the running dialog; the first that takes
/// the message wins. Specific phrases ("verwijder mijn gegevens", "welke ziekmeldingen heb ik gedaan?") come first,
/// then the intents. The router itself names no capability.
/// </summary>
public interface IMessageHandler
{
    /// <summary>Lower first: 0-99 for phrases that must win over any intent, 100 and up for intents.</summary>
    int Order { get; }

    /// <summary>Starts what the message asks for and returns true, or returns false for the next handler.</summary>
    Task<bool> TryHandleAsync(DialogContext dc, Understanding.Understanding understood);

    /// <summary>
    /// The message's second request as a start that waits until the parent has finished what the first began (see
    /// <see cref="ProactiveConversations.StartWaitingAsync"/>), or null when this handler does not take it or it cannot
    /// wait (then the parent is asked to send it again).
    /// </summary>
    WaitingStart? Later(TurnContext turn, Understanding.Understanding understood) => null;
}

/// <summary>One line of the menu: the text key of its label, where it stands, and what choosing it starts.</summary>
public sealed record MenuEntry(string LabelKey, int Order, Func<DialogContext, Task> StartAsync);

public static class CapabilityServiceCollectionExtensions
{
    /// <summary>A dialog of the capability, also injectable as itself.</summary>
    public static IServiceCollection AddDialog<T>(this IServiceCollection services)
        where T : Dialog
    {
        services.AddSingleton<T>();
        services.AddSingleton<Dialog>(sp => sp.GetRequiredService<T>());
        return services;
    }

    /// <summary>Dialogs built from other services (prompts with their recognisers).</summary>
    public static IServiceCollection AddDialogs(this IServiceCollection services, Func<IServiceProvider, IEnumerable<Dialog>> dialogs)
    {
        services.AddSingleton(sp => new DialogGroup([.. dialogs(sp)]));
        return services;
    }

    public static IServiceCollection AddMessageHandler<T>(this IServiceCollection services)
        where T : class, IMessageHandler => services.AddSingleton<IMessageHandler, T>();

    public static IServiceCollection AddMenuEntry(this IServiceCollection services, MenuEntry entry) => services.AddSingleton(entry);
}

/// <summary>Several dialogs registered together (a capability's prompts).</summary>
public sealed record DialogGroup(IReadOnlyList<Dialog> Dialogs);
