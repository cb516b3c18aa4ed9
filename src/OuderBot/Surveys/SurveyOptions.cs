namespace OuderBot.Surveys;

/// <summary>Surveys by chat (configuration section "Surveys").</summary>
public sealed class SurveyOptions
{
    public const string Section = "Surveys";

    /// <summary>When the talk survey is asked on the school day after a talk, school time (default 09:00).</summary>
    public TimeOnly TalkSurveyAt { get; set; } = new(9, 0);

    /// <summary>How long a parent can go on with a survey they stopped ("vragenlijst"), from when it was asked.</summary>
    public int OpenDays { get; set; } = 30;

    /// <summary>How long answers are kept after the survey was asked; then they go (AVG: nothing longer than needed).</summary>
    public int KeepDays { get; set; } = 365;

    /// <summary>The report shows a count, an average or the remarks only where at least this many parents answered.</summary>
    public int ReportThreshold { get; set; } = 5;
}
