using System.Globalization;

namespace OuderBot.LoadHarness;

internal sealed record HarnessOptions(string Store, string Mode, int Parents, int Rate, int Duration, int Warmup, string? Url, string? AdminKey, int Finished = 10_000, int Waiting = 1_000, int Slots = 40, int Instances = 1, bool ByKind = false, int Requests = 1_000)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/OuderBot.LoadHarness -- [options]
          --store azureblob|sqlite   storage of the bot the harness starts (default azureblob: a fresh Azurite)
          --mode saturation|rate|outbox|booking-race|azurite-floor
                                     saturation: every parent sends its next message as soon as it has the reply
                                     rate: a steady arrival rate of turns, whatever the latency (default saturation)
                                     outbox: no turns; the outbox worker's poll over a store with --finished finished
                                     messages and --waiting messages due tomorrow, in round trips and CPU per poll
                                     booking-race: --parents parents (default 200) race for --slots talks (default 40)
                                     through two bot instances on one fresh Azurite; prints the race's time and the
                                     storage round trips per booking
                                     azurite-floor: no bot; a fresh Azurite (as in the race) and --requests small
                                     documents created, then replaced, 1, 16 and 64 at a time: the least time that
                                     many requests take on this machine
          --requests N               azurite-floor: documents per run (default 1000)
          --slots N                  booking-race: the teacher's talks (default 40)
          --by-kind                  booking-race: count Azurite's requests by operation, document kind and status
                                     through a proxy (which slows the race: read the counts, not the time)
          --finished N, --waiting N  outbox mode: the store's history (default 10000) and later work (default 1000)
          --parents N                simulated parents at once (default 32)
          --rate N                   turns per second in rate mode (default 100)
          --duration S               measured seconds (default 20)
          --warmup S                 seconds of the same load before measuring (default 3)
          --instances N              saturation and rate: start N bot instances on the one store (azureblob) behind
                                     Debian's nginx on 127.0.0.1 (round-robin; installed with apt-get when missing)
                                     and drive the load balancer (default 1: the bot itself)
          --url URL                  drive a bot (or a load balancer) that is already running instead of starting one
          --admin-key KEY            its Admin:ApiKey, to read storage round trips from /api/admin/stats
        """;

    /// <summary>Families in the generated school: each simulated parent cycles through eight, so reports are new ones.</summary>
    public int Families => Parents * 8;

    public static HarnessOptions? Parse(string[] args)
    {
        var options = new HarnessOptions("azureblob", "saturation", 32, 100, 20, 3, null, null);
        var parentsGiven = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--by-kind")
            {
                options = options with { ByKind = true };
                continue;
            }

            var value = i + 1 < args.Length ? args[i + 1] : null;
            if (value is null)
            {
                return null;
            }

            switch (args[i])
            {
                case "--store" when value is "azureblob" or "sqlite":
                    options = options with { Store = value };
                    break;
                case "--mode" when value is "saturation" or "rate" or "outbox" or "booking-race" or "azurite-floor":
                    options = options with { Mode = value, Parents = value == "booking-race" && !parentsGiven ? 200 : options.Parents };
                    break;
                case "--parents" when Positive(value) is { } n:
                    options = options with { Parents = n };
                    parentsGiven = true;
                    break;
                case "--rate" when Positive(value) is { } n:
                    options = options with { Rate = n };
                    break;
                case "--duration" when Positive(value) is { } n:
                    options = options with { Duration = n };
                    break;
                case "--warmup" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 0:
                    options = options with { Warmup = n };
                    break;
                case "--finished" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 0:
                    options = options with { Finished = n };
                    break;
                case "--waiting" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 0:
                    options = options with { Waiting = n };
                    break;
                case "--requests" when Positive(value) is { } n:
                    options = options with { Requests = n };
                    break;
                case "--slots" when Positive(value) is { } n:
                    options = options with { Slots = n };
                    break;
                case "--instances" when Positive(value) is { } n:
                    options = options with { Instances = n };
                    break;
                case "--url":
                    options = options with { Url = value };
                    break;
                case "--admin-key":
                    options = options with { AdminKey = value };
                    break;
                default:
                    return null;
            }

            i++;
        }

        return options.Instances > 1 && options.Store != "azureblob" ? null : options;
    }

    private static int? Positive(string text) => int.TryParse(text, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
