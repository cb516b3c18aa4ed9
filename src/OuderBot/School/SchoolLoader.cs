using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace OuderBot.School;

/// <summary>Reads and checks a school's data file. Every problem is reported with where it is, so an office can fix its file.</summary>
public static partial class SchoolLoader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static SchoolData LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new SchoolDataException($"School data file not found: {path}");
        }

        return Parse(File.ReadAllText(path), path, DefaultId(path));
    }

    /// <summary>A school file without an id is known by its file name ("de-driehoek.yaml": de-driehoek).</summary>
    public static string DefaultId(string path)
    {
        var id = NotIdCharacters().Replace(Path.GetFileNameWithoutExtension(path).ToLowerInvariant(), "-").Trim('-');
        return id.Length == 0 ? "school" : id[..Math.Min(id.Length, 63)];
    }

    [System.Text.RegularExpressions.GeneratedRegex("[^a-z0-9-]+")]
    private static partial System.Text.RegularExpressions.Regex NotIdCharacters();

    public static SchoolData Parse(string yaml, string source = "school data", string defaultId = "school")
    {
        SchoolFile file;
        try
        {
            file = Yaml.Deserialize<SchoolFile>(yaml) ?? throw new SchoolDataException($"{source}: the file is empty.");
        }
        catch (YamlException ex)
        {
            throw new SchoolDataException($"{source}: {ex.Message}", ex);
        }

        // Characters the bot could not send come first: until they are gone, the other checks would only add
        // confusing reasons for the same fields ("'06\r1234' is not a valid phone number").
        var errors = SchoolText.Problems(file);
        var school = errors.Count == 0 ? Build(file, defaultId, errors) : null;
        if (errors.Count > 0)
        {
            throw new SchoolDataException($"{source} has {errors.Count} problem(s):{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", errors));
        }

        return school!;
    }

    private static SchoolData? Build(SchoolFile file, string defaultId, List<string> errors)
    {
        string Required(string? value, string what)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"{what} is missing");
                return "";
            }

            return value.Trim();
        }

        var times = new Dictionary<DayOfWeek, SchoolHours>();
        foreach (var (day, hours) in file.Times ?? [])
        {
            if (!Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out var dayOfWeek))
            {
                errors.Add($"times: '{day}' is not a day of the week (monday ... friday)");
                continue;
            }

            if (TryTime(hours.Start, out var start) && TryTime(hours.End, out var end) && start < end)
            {
                times[dayOfWeek] = new SchoolHours(start, end);
            }
            else
            {
                errors.Add($"times.{day}: start and end must be times such as 08:30 and 14:45, start before end");
            }
        }

        if (times.Count == 0)
        {
            errors.Add("times: give the school's start and end time for each school day");
        }

        var holidays = new List<Holiday>();
        foreach (var (holiday, index) in (file.Holidays ?? []).Select((h, i) => (h, i)))
        {
            if (TryDate(holiday.From, out var from) && TryDate(holiday.To ?? holiday.From, out var to) && from <= to)
            {
                holidays.Add(new Holiday(Required(holiday.Name, $"holidays[{index}].name"), from, to));
            }
            else
            {
                errors.Add($"holidays[{index}]: from and to must be dates such as 2026-12-19, from not after to");
            }
        }

        var teachers = new List<Teacher>();
        foreach (var (teacher, index) in (file.Teachers ?? []).Select((t, i) => (t, i)))
        {
            string? phone = null;
            if (!string.IsNullOrWhiteSpace(teacher.Phone) && (phone = Phone.TryNormalize(teacher.Phone)) is null)
            {
                errors.Add($"teachers[{index}].phone: '{teacher.Phone}' is not a valid phone number");
            }

            teachers.Add(new Teacher(
                Required(teacher.Name, $"teachers[{index}].name"),
                Required(teacher.Email, $"teachers[{index}].email"),
                (teacher.Groups ?? []).Select(g => g.Trim()).ToList(),
                phone));
        }

        var groups = new List<Group>();
        foreach (var (group, index) in (file.Groups ?? []).Select((g, i) => (g, i)))
        {
            var id = Required(group.Id, $"groups[{index}].id");
            var groupTeachers = teachers.Where(t => t.Groups.Contains(id, StringComparer.OrdinalIgnoreCase)).ToList();
            if (groupTeachers.Count == 0)
            {
                errors.Add($"groups[{index}] ({id}): no teacher has this group");
            }

            groups.Add(new Group(id, group.Name?.Trim() ?? $"Groep {id}", groupTeachers));
        }

        if (groups.Select(g => g.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count() != groups.Count)
        {
            errors.Add("groups: every group id must be unique");
        }

        foreach (var teacher in teachers)
        {
            foreach (var g in teacher.Groups.Where(g => !groups.Any(x => string.Equals(x.Id, g, StringComparison.OrdinalIgnoreCase))))
            {
                errors.Add($"teacher {teacher.Name}: group '{g}' is not in groups");
            }
        }

        var children = new List<Child>();
        var usedIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var parentEntries = new List<(string Name, string Phone, string Language, List<Child> Children)>();
        foreach (var (family, index) in (file.Families ?? []).Select((f, i) => (f, i)))
        {
            var familyChildren = new List<Child>();
            foreach (var (child, c) in (family.Children ?? []).Select((ch, i) => (ch, i)))
            {
                var where = $"families[{index}].children[{c}]";
                var firstName = Required(child.FirstName, $"{where}.firstName");
                var group = Required(child.Group, $"{where}.group");
                var matched = groups.FirstOrDefault(g => string.Equals(g.Id, group, StringComparison.OrdinalIgnoreCase));
                if (group.Length > 0 && matched is null)
                {
                    errors.Add($"{where} ({firstName}): group '{group}' is not in groups");
                }

                var id = string.IsNullOrWhiteSpace(child.Id) ? DeriveId(firstName, group) : child.Id.Trim();
                if (!usedIds.Add(id))
                {
                    errors.Add(string.IsNullOrWhiteSpace(child.Id)
                        ? $"{where}: another {firstName} in group {group} has the same derived id '{id}'; give both children an id"
                        : $"{where}: id '{id}' is used twice");
                }

                familyChildren.Add(new Child(id, firstName, matched?.Id ?? group));
            }

            if (familyChildren.Count == 0)
            {
                errors.Add($"families[{index}]: a family needs at least one child");
            }

            children.AddRange(familyChildren);
            foreach (var (parent, p) in (family.Parents ?? []).Select((pa, i) => (pa, i)))
            {
                var where = $"families[{index}].parents[{p}]";
                var phone = Phone.TryNormalize(parent.Phone);
                if (phone is null)
                {
                    errors.Add($"{where}: '{parent.Phone}' is not a valid phone number");
                    continue;
                }

                var language = (parent.Language ?? "nl").Trim().ToLowerInvariant();
                if (language is not ("nl" or "en"))
                {
                    errors.Add($"{where}: language must be nl or en");
                }

                parentEntries.Add((Required(parent.Name, $"{where}.name"), phone, language, familyChildren));
            }

            if (family.Parents is null or { Count: 0 })
            {
                errors.Add($"families[{index}]: a family needs at least one parent with a phone number");
            }
        }

        // One phone number is one parent, also when the file lists them in two families (a blended family).
        var parents = parentEntries
            .GroupBy(p => p.Phone, StringComparer.Ordinal)
            .Select(g => new Parent(g.First().Name, g.Key, g.First().Language, g.SelectMany(p => p.Children).Distinct().ToList()))
            .ToList();

        var director = new Person(Required(file.Director?.Name, "director.name"), file.Director?.Email, file.Director?.Phone);
        var info = new SchoolInfo(
            Required(file.Name, "name"),
            Required(file.Address, "address"),
            Required(file.Phone, "phone"),
            Required(file.Email, "email"),
            file.Website,
            director,
            string.IsNullOrWhiteSpace(file.TimeZone) ? "Europe/Amsterdam" : file.TimeZone.Trim(),
            times,
            holidays.OrderBy(h => h.From).ToList(),
            (file.Facts ?? []).ToDictionary(
                kv => kv.Key,
                kv => (IReadOnlyDictionary<string, string>)kv.Value.ToDictionary(v => v.Key, v => v.Value.Trim()),
                StringComparer.Ordinal));

        if (NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(info.TimeZone) is null)
        {
            errors.Add($"timeZone: '{info.TimeZone}' is not a known time zone");
        }

        var retention = Retention(file.Retention, errors);
        var schoolId = string.IsNullOrWhiteSpace(file.Id) ? defaultId : file.Id.Trim();
        if (!IdPattern().IsMatch(schoolId))
        {
            errors.Add($"id: '{schoolId}' must be lower-case letters, digits and dashes, such as de-driehoek");
        }

        var numbers = Numbers(file, errors);
        var talkRounds = Booking.TalkRoundLoader.Build(file.TalkRounds, teachers, groups, errors);
        var digest = Digest.DigestScheduleLoader.Build(file.Digest, errors);
        var complaints = Feedback.ComplaintProcedureLoader.Build(file.Complaints, errors);
        return errors.Count > 0 ? null : new SchoolData(schoolId, numbers, info, groups, teachers, parents, children, retention) { TalkRounds = talkRounds, Digest = digest, Complaints = complaints };
    }

    private static SchoolNumbers Numbers(SchoolFile file, List<string> errors)
    {
        string? Number(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var e164 = Phone.TryNormalize(text);
            if (e164 is null)
            {
                errors.Add($"numbers.{field}: '{text}' is not a valid phone number");
            }

            return e164;
        }

        var service = string.IsNullOrWhiteSpace(file.MessagingServiceSid) ? null : file.MessagingServiceSid.Trim();
        if (service is not null && !MessagingServicePattern().IsMatch(service))
        {
            errors.Add($"messagingServiceSid: '{service}' is not a Messaging Service SID (MG followed by 32 hex characters)");
        }

        return new SchoolNumbers(Number(file.Numbers?.Sms, "sms"), Number(file.Numbers?.WhatsApp, "whatsapp"), service);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial System.Text.RegularExpressions.Regex IdPattern();

    [System.Text.RegularExpressions.GeneratedRegex("^MG[0-9a-fA-F]{32}$")]
    private static partial System.Text.RegularExpressions.Regex MessagingServicePattern();

    private static RetentionPeriods Retention(RetentionFile? file, List<string> errors)
    {
        var defaults = new RetentionPeriods();
        int Days(int? days, int fallback, int minimum, string field)
        {
            if (days is null)
            {
                return fallback;
            }

            if (days < minimum)
            {
                errors.Add($"retention.{field}: keep it at least {minimum} day(s)");
            }

            return days.Value;
        }

        return new RetentionPeriods(
            Days(file?.Conversations, defaults.ConversationDays, RetentionPeriods.MinimumConversationDays, "conversations"),
            Days(file?.Inbox, defaults.InboxDays, 1, "inbox"),
            Days(file?.Deliveries, defaults.DeliveryDays, 1, "deliveries"),
            Days(file?.Absences, defaults.AbsenceDays, 1, "absences"));
    }

    // Derived from name and group only, never from the order of the file, so a reordered file keeps every child's id.
    private static string DeriveId(string firstName, string group)
    {
        var slug = new StringBuilder();
        foreach (var ch in firstName.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                slug.Append(char.ToLowerInvariant(ch));
            }
        }

        return $"{slug}-g{group.ToLowerInvariant()}";
    }

    private static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

public sealed class SchoolDataException(string message, Exception? inner = null) : Exception(message, inner);
