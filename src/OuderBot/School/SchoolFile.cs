namespace OuderBot.School;

// The school's data file as it is written (YAML). Documented in README.md, section "The school's data".
// These classes only carry the file's shape; SchoolLoader checks them and builds the immutable SchoolData.

internal sealed class SchoolFile
{
    public string? Id { get; set; }
    public NumbersFile? Numbers { get; set; }
    public string? MessagingServiceSid { get; set; }
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public PersonFile? Director { get; set; }
    public string? TimeZone { get; set; }
    public Dictionary<string, DayTimesFile>? Times { get; set; }
    public List<HolidayFile>? Holidays { get; set; }
    public List<GroupFile>? Groups { get; set; }
    public List<TeacherFile>? Teachers { get; set; }
    public List<FamilyFile>? Families { get; set; }
    public Dictionary<string, Dictionary<string, string>>? Facts { get; set; }
    public RetentionFile? Retention { get; set; }
    public List<Booking.TalkRoundFile>? TalkRounds { get; set; }
    public Digest.DigestFile? Digest { get; set; }
    public Feedback.ComplaintsFile? Complaints { get; set; }
}

internal sealed class NumbersFile
{
    public string? Sms { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "whatsapp")]
    public string? WhatsApp { get; set; }
}

internal sealed class RetentionFile
{
    public int? Conversations { get; set; }
    public int? Inbox { get; set; }
    public int? Deliveries { get; set; }
    public int? Absences { get; set; }
}

internal sealed class PersonFile
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
}

internal sealed class DayTimesFile
{
    public string? Start { get; set; }
    public string? End { get; set; }
}

internal sealed class HolidayFile
{
    public string? Name { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
}

internal sealed class GroupFile
{
    public string? Id { get; set; }
    public string? Name { get; set; }
}

internal sealed class TeacherFile
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public List<string>? Groups { get; set; }
}

internal sealed class FamilyFile
{
    public List<ParentFile>? Parents { get; set; }
    public List<ChildFile>? Children { get; set; }
}

internal sealed class ParentFile
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Language { get; set; }
}

internal sealed class ChildFile
{
    public string? Id { get; set; }
    public string? FirstName { get; set; }
    public string? Group { get; set; }
}
